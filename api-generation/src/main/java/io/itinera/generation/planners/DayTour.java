package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Meal;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planners.Move.LunchOption;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.MealPause;
import io.itinera.generation.planning.Minutes;
import io.itinera.generation.planning.TravelTimes;
import io.itinera.generation.planning.VisitWindows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One day's tour while it is being built: where the traveller is, when they can move on and what is planned so far.
 * It only offers moves after which the traveller can still have lunch in time and be back by the end of the day, so
 * every tour it builds is feasible.
 */
final class DayTour {

    private final TripDay day;
    private final ZoneOffset offset;
    private final GeoPoint home;
    private final TravelMode mode;
    private final TravelTimes travel;
    private final GenerationProperties.MealWindow lunch;
    private final int dayStart;
    private final int dayEnd;
    private final int slack;

    private final List<Stop> stops = new ArrayList<>();
    private final List<Leg> legs = new ArrayList<>();
    private final Map<Interest, Integer> perCategory = new EnumMap<>(Interest.class);
    private String hereId = Leg.START;
    private GeoPoint here;
    private int ready;
    private int start;
    private @Nullable MealPause lunchPause;
    private double score;

    DayTour(
            TripDay day,
            TripRequest request,
            GeoPoint home,
            TravelTimes travel,
            GenerationProperties.MealWindow lunch) {
        this(day, request, home, travel, lunch, Integer.MAX_VALUE);
    }

    /** @param backBy the tour ends no later than this minute (the greedy planner plans no dinner, so ends before it) */
    DayTour(
            TripDay day,
            TripRequest request,
            GeoPoint home,
            TravelTimes travel,
            GenerationProperties.MealWindow lunch,
            int backBy) {
        this.day = day;
        this.offset = ZoneOffset.of(day.utcOffset());
        this.home = home;
        this.mode = request.modeOrDefault();
        this.travel = travel;
        this.lunch = lunch;
        this.dayStart = Minutes.ceil(request.pace().dayStart());
        this.dayEnd = Math.min(Minutes.of(request.pace().dayEnd()), backBy);
        this.slack = request.pace().slackMinutes();
        this.here = home;
        this.ready = dayStart;
        this.start = dayStart;
    }

    int stopsOfCategory(Interest category) {
        return perCategory.getOrDefault(category, 0);
    }

    /** Every feasible way to make the point of interest the next stop; empty when it is closed or does not fit. */
    List<Move> movesTo(PointOfInterest poi) {
        List<TimeWindow> windows = windowsOn(poi);
        if (windows.isEmpty()) {
            return List.of();
        }
        Leg leg = travel.leg(hereId, here, poi.id(), poi.location(), mode);
        List<Optional<Move>> moves = lunchPause == null
                ? List.of(
                        lunchAtStop(poi, leg, windows), withoutLunch(poi, leg, windows), lunchFirst(poi, leg, windows))
                : List.of(withoutLunch(poi, leg, windows));
        return moves.stream()
                .flatMap(Optional::stream)
                .filter(this::leavesTimeToFinish)
                .toList();
    }

    /** Adds the move's stop; the tour starts just in time for the first stop (or its lunch pause). */
    void take(Move move, double stopScore) {
        if (stops.isEmpty()) {
            start = move.lunch() != null && move.option() == LunchOption.BEFORE
                    ? move.lunch().start()
                    : move.visitStart() - move.leg().minutes();
        }
        if (move.lunch() != null) {
            lunchPause = move.lunch();
        }
        PointOfInterest poi = move.poi();
        legs.add(move.leg());
        stops.add(new Stop(
                poi.id(),
                poi.name(),
                poi.category(),
                poi.location().lat(),
                poi.location().lon(),
                at(move.visitStart()),
                at(move.visitEnd())));
        perCategory.merge(poi.category(), 1, Integer::sum);
        score += stopScore;
        hereId = poi.id();
        here = poi.location();
        ready = move.visitEnd() + slack;
    }

    /** Closes the tour with the way back (and lunch, if it is still due). */
    ItineraryDay finish(String whyEmpty) {
        if (stops.isEmpty()) {
            return new ItineraryDay(
                    day.date(), at(dayStart), at(dayStart), List.of(), List.of(), 0.0, whyEmpty, List.of(), whyEmpty);
        }
        Leg back = travel.leg(hereId, here, Leg.START, home, mode);
        int leaveAt = ready;
        if (lunchPause == null && lunchDue(ready, back.minutes())) {
            int lunchStart = Math.max(ready, lunch.earliestMinute());
            lunchPause = new MealPause(lunchStart, lunchStart + lunch.minutes(), null);
            leaveAt = lunchPause.end();
        }
        legs.add(back);
        return new ItineraryDay(
                day.date(),
                at(start),
                at(leaveAt + back.minutes()),
                List.copyOf(stops),
                List.copyOf(legs),
                Math.round(score * 1000) / 1000.0,
                summary(),
                meals(),
                summary());
    }

    private Optional<Move> withoutLunch(PointOfInterest poi, Leg leg, List<TimeWindow> windows) {
        int arrival = ready + leg.minutes();
        return firstFit(windows, arrival, poi.visitMinutes(), Integer.MAX_VALUE)
                .map(visit -> new Move(
                        poi, LunchOption.NONE, leg, ready, visit, visit + poi.visitMinutes(), visit - arrival, null));
    }

    private Optional<Move> lunchAtStop(PointOfInterest poi, Leg leg, List<TimeWindow> windows) {
        if (poi.category() != Interest.FOOD) {
            return Optional.empty();
        }
        int arrival = ready + leg.minutes();
        int length = Math.max(poi.visitMinutes(), lunch.minutes());
        return firstFit(windows, Math.max(arrival, lunch.earliestMinute()), length, lunch.latestMinute())
                .map(visit -> new Move(
                        poi,
                        LunchOption.AT_STOP,
                        leg,
                        ready,
                        visit,
                        visit + length,
                        visit - arrival,
                        new MealPause(visit, visit + lunch.minutes(), poi.name(), poi.id())));
    }

    private Optional<Move> lunchFirst(PointOfInterest poi, Leg leg, List<TimeWindow> windows) {
        int lunchStart = Math.max(ready, lunch.earliestMinute());
        if (lunchStart > lunch.latestMinute()) {
            return Optional.empty();
        }
        int leaveAt = lunchStart + lunch.minutes();
        int arrival = leaveAt + leg.minutes();
        return firstFit(windows, arrival, poi.visitMinutes(), Integer.MAX_VALUE)
                .map(visit -> new Move(
                        poi,
                        LunchOption.BEFORE,
                        leg,
                        leaveAt,
                        visit,
                        visit + poi.visitMinutes(),
                        (lunchStart - ready) + (visit - arrival),
                        new MealPause(lunchStart, leaveAt, null)));
    }

    /** After the move the traveller must still be able to have lunch in time (if due) and get back by the day's end. */
    private boolean leavesTimeToFinish(Move move) {
        int readyAfter = move.visitEnd() + slack;
        int back = travel.leg(move.poi().id(), move.poi().location(), Leg.START, home, mode)
                .minutes();
        boolean lunchDone = lunchPause != null || move.lunch() != null;
        if (lunchDone || !lunchDue(readyAfter, back)) {
            return readyAfter + back <= dayEnd;
        }
        int lunchStart = Math.max(readyAfter, lunch.earliestMinute());
        return lunchStart <= lunch.latestMinute() && lunchStart + lunch.minutes() + back <= dayEnd;
    }

    /** A tour still under way at the earliest lunch time includes a lunch pause. */
    private boolean lunchDue(int readyAt, int minutesBack) {
        return readyAt + minutesBack > lunch.earliestMinute();
    }

    /** The earliest start of a visit of the given length inside one window, starting no later than latestStart. */
    private static Optional<Integer> firstFit(List<TimeWindow> windows, int earliest, int length, int latestStart) {
        for (TimeWindow window : windows) {
            int visit = Math.max(earliest, Minutes.ceil(window.open()));
            if (visit <= latestStart && visit + length <= Minutes.of(window.close())) {
                return Optional.of(visit);
            }
        }
        return Optional.empty();
    }

    private List<TimeWindow> windowsOn(PointOfInterest poi) {
        return VisitWindows.of(poi, day);
    }

    private List<Meal> meals() {
        if (lunchPause == null) {
            return List.of();
        }
        return List.of(new Meal(
                Meal.LUNCH, at(lunchPause.start()), at(lunchPause.end()), lunchPause.poiId(), lunchPause.place()));
    }

    private String summary() {
        double km = legs.stream().mapToInt(Leg::metres).sum() / 1000.0;
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT, "%d %s, %.1f km between places.", stops.size(), stops.size() == 1 ? "stop" : "stops", km));
        if (lunchPause != null) {
            text.append(' ').append(lunchPause.describe()).append('.');
        }
        if (day.holiday() != null) {
            text.append(" Public holiday: ").append(day.holiday()).append('.');
        }
        return text.toString();
    }

    private OffsetDateTime at(int minute) {
        return Minutes.at(day.date(), minute, offset);
    }
}
