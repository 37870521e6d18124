package io.itinera.generation.feasibility;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.TravelTimes;
import io.itinera.generation.planning.VisitWindows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The feasibility rules of one planned day; reports each broken rule, prefixed with the date, to a sink. */
final class DayCheck {

    private final ItineraryDay day;
    private final TripDay tripDay;
    private final TripRequest request;
    private final Places places;
    private final Set<String> visitedInTrip;
    private final Consumer<String> violations;

    DayCheck(
            ItineraryDay day,
            TripDay tripDay,
            TripRequest request,
            Places places,
            Set<String> visitedInTrip,
            Consumer<String> violations) {
        this.day = day;
        this.tripDay = tripDay;
        this.request = request;
        this.places = places;
        this.visitedInTrip = visitedInTrip;
        this.violations = violations;
    }

    void run(TravelTimes travel, MealRule mealRule) {
        if (!day.date().equals(tripDay.date())) {
            fail("planned for %s, but that trip day is %s".formatted(day.date(), tripDay.date()));
            return;
        }
        checkTimesCarryTheDayOffset();
        if (day.stops().isEmpty()) {
            if (!day.legs().isEmpty()) {
                fail("a day without stops has %d legs".formatted(day.legs().size()));
            }
            return;
        }
        checkPaceWindow();
        day.stops().forEach(this::checkStop);
        if (checkLegsFollowStops(travel)) {
            checkTiming(mealRule);
        }
        mealRule.check(day, places, this::fail);
    }

    private void checkTimesCarryTheDayOffset() {
        ZoneOffset offset = ZoneOffset.of(tripDay.utcOffset());
        checkTime("start", day.start(), offset);
        checkTime("end", day.end(), offset);
        for (Stop stop : day.stops()) {
            checkTime(stop.poiId() + " arrival", stop.arrival(), offset);
            checkTime(stop.poiId() + " departure", stop.departure(), offset);
        }
    }

    private void checkTime(String what, OffsetDateTime time, ZoneOffset offset) {
        if (!time.getOffset().equals(offset)) {
            fail("%s %s does not carry the day's offset %s".formatted(what, time, offset));
        }
        if (!time.toLocalDate().equals(day.date())) {
            fail("%s %s is not on the day itself".formatted(what, time));
        }
    }

    private void checkPaceWindow() {
        if (day.start().toLocalTime().isBefore(request.pace().dayStart())) {
            fail("starts at %s, before the %s pace allows (%s)"
                    .formatted(
                            day.start().toLocalTime(),
                            request.pace(),
                            request.pace().dayStart()));
        }
        if (day.end().toLocalTime().isAfter(request.pace().dayEnd())) {
            fail("ends at %s, after the %s pace allows (%s)"
                    .formatted(
                            day.end().toLocalTime(),
                            request.pace(),
                            request.pace().dayEnd()));
        }
    }

    private void checkStop(Stop stop) {
        if (!visitedInTrip.add(stop.poiId())) {
            fail("%s is visited more than once in the trip".formatted(stop.poiId()));
        }
        PointOfInterest poi = places.poi(stop.poiId());
        if (poi == null) {
            fail("%s is not a candidate of the planning context".formatted(stop.poiId()));
            return;
        }
        long minutes = Duration.between(stop.arrival(), stop.departure()).toMinutes();
        if (minutes < poi.visitMinutes()) {
            fail("%s is visited for %d minutes, less than the %d it needs"
                    .formatted(poi.id(), minutes, poi.visitMinutes()));
        }
        boolean insideOneWindow = poi.openWindows().stream()
                .filter(windows -> windows.date().equals(day.date()))
                .map(DayWindows::windows)
                .flatMap(List::stream)
                .anyMatch(window -> window.contains(
                        stop.arrival().toLocalTime(), stop.departure().toLocalTime()));
        if (!insideOneWindow) {
            fail("%s is visited %s–%s, outside its opening hours that day"
                    .formatted(
                            poi.id(),
                            stop.arrival().toLocalTime(),
                            stop.departure().toLocalTime()));
        }
        if (!poi.indoor()
                && !VisitWindows.inDaylight(
                        stop.arrival().toLocalTime(), stop.departure().toLocalTime(), tripDay)) {
            fail("%s is outdoors and visited %s–%s, outside daylight (sunrise %s, civil dusk %s)"
                    .formatted(
                            poi.id(),
                            stop.arrival().toLocalTime(),
                            stop.departure().toLocalTime(),
                            tripDay.sunrise(),
                            tripDay.civilDusk()));
        }
    }

    /** Legs must run start, each stop in order, start, and match the travel model. */
    private boolean checkLegsFollowStops(TravelTimes travel) {
        List<Stop> stops = day.stops();
        if (day.legs().size() != stops.size() + 1) {
            fail("has %d stops but %d legs instead of %d"
                    .formatted(stops.size(), day.legs().size(), stops.size() + 1));
            return false;
        }
        boolean consistent = true;
        for (int i = 0; i <= stops.size(); i++) {
            String from = i == 0 ? Leg.START : stops.get(i - 1).poiId();
            String to = i == stops.size() ? Leg.START : stops.get(i).poiId();
            Leg leg = day.legs().get(i);
            if (!leg.from().equals(from) || !leg.to().equals(to)) {
                fail("leg %d goes %s→%s instead of %s→%s".formatted(i + 1, leg.from(), leg.to(), from, to));
                consistent = false;
                continue;
            }
            Leg expected =
                    travel.leg(from, places.locationOf(from), to, places.locationOf(to), request.modeOrDefault());
            if (!leg.equals(expected)) {
                fail("leg %s→%s is %s but the travel model says %s".formatted(from, to, leg, expected));
            }
        }
        return consistent;
    }

    /** Each arrival comes after the previous departure, the pace's slack, the leg and any lunch pause in between. */
    private void checkTiming(MealRule mealRule) {
        List<Stop> stops = day.stops();
        OffsetDateTime previousEnd = day.start();
        int slack = 0;
        for (int i = 0; i <= stops.size(); i++) {
            OffsetDateTime nextBegin =
                    i == stops.size() ? day.end() : stops.get(i).arrival();
            int needed = slack + day.legs().get(i).minutes() + mealRule.minutesBetween(day, previousEnd, nextBegin);
            long available = Duration.between(previousEnd, nextBegin).toMinutes();
            if (available < needed) {
                String to = i == stops.size() ? "the start point" : stops.get(i).poiId();
                fail("reaching %s at %s leaves %d minutes after %s, but it takes %d"
                        .formatted(to, nextBegin.toLocalTime(), available, previousEnd.toLocalTime(), needed));
            }
            if (i < stops.size()) {
                previousEnd = stops.get(i).departure();
                slack = request.pace().slackMinutes();
            }
        }
    }

    private void fail(String violation) {
        violations.accept(day.date() + ": " + violation);
    }
}
