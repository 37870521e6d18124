package io.itinera.generation.feasibility;

import static io.itinera.generation.planning.Trips.DEFAULTS;
import static io.itinera.generation.planning.Trips.MONDAY;
import static io.itinera.generation.planning.Trips.TUESDAY;
import static io.itinera.generation.planning.Trips.context;
import static io.itinera.generation.planning.Trips.day;
import static io.itinera.generation.planning.Trips.near;
import static io.itinera.generation.planning.Trips.poi;
import static io.itinera.generation.planning.Trips.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.TravelTimes;
import io.itinera.generation.planning.Trips;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-broken variants of one valid plan: b 09:09–10:09, lunch 12:00–13:00, a 14:00–15:00, back at 15:19. */
class FeasibilityCheckTests {

    private final FeasibilityCheck check = new FeasibilityCheck(DEFAULTS);
    private final TripRequest request = request(Pace.MODERATE, List.of(Interest.HISTORY));
    private final PointOfInterest a = poi(
            "a",
            Interest.HISTORY,
            near(500, 0),
            60,
            90,
            Trips.on(MONDAY, "14:00-18:00"),
            Trips.on(TUESDAY, "14:00-18:00"));
    private final PointOfInterest b = poi("b", Interest.HISTORY, near(0, 500), 60, 50, Trips.on(MONDAY, "09:00-11:00"));
    private final PlanningContext context = context(List.of(day(MONDAY), day(TUESDAY)), List.of(a, b));
    private Itinerary valid;

    @BeforeEach
    void planValidItinerary() {
        valid = Planners.greedy(DEFAULTS).plan(request, context, (day, number, total) -> {});
        assertThat(valid.days().get(0).stops()).extracting(Stop::poiId).containsExactly("b", "a");
        assertThat(valid.days().get(0).summary()).contains("Lunch 12:00–13:00");
    }

    @Test
    void findsNothingWrongWithAFeasiblePlan() {
        assertThat(check.violations(valid, request, context)).isEmpty();
    }

    @Test
    void detectsAVisitOutsideOpeningHours() {
        // when a is moved to the morning, when it is closed
        Itinerary broken = withMonday(day -> withStop(day, 1, at(stop(day, 1), "10:30", "11:30")));

        // then
        assertThat(check.violations(broken, request, context)).anyMatch(v -> v.contains("a is visited 10:30–11:30"));
    }

    @Test
    void detectsAnOutdoorVisitAfterDusk() {
        // when a turns out to be outdoors, on a Monday whose civil dusk is at 14:30
        TripDay winter = new TripDay(
                MONDAY,
                "+01:00",
                LocalTime.of(9, 0),
                LocalTime.of(14, 0),
                null,
                LocalTime.of(8, 30),
                LocalTime.of(14, 30),
                null);
        PlanningContext dark = context(List.of(winter, day(TUESDAY)), List.of(Trips.outdoor(a), b));

        assertThat(check.violations(valid, request, dark))
                .anyMatch(v -> v.contains("a is outdoors and visited") && v.contains("civil dusk 14:30"));
        assertThat(check.violations(valid, request, context(List.of(winter, day(TUESDAY)), List.of(a, b))))
                .as("indoors, the dark does not matter")
                .isEmpty();
    }

    @Test
    void detectsAVisitShorterThanThePlaceNeeds() {
        Itinerary broken = withMonday(day -> withStop(day, 1, at(stop(day, 1), "14:00", "14:30")));

        assertThat(check.violations(broken, request, context)).anyMatch(v -> v.contains("less than the 60 it needs"));
    }

    @Test
    void detectsAnArrivalSoonerThanTheLegAllows() {
        // when the traveller leaves at 09:05 but b is reached at 09:09 over a 9-minute leg
        Itinerary broken = withMonday(day -> new ItineraryDay(
                day.date(),
                time(day, "09:05"),
                day.end(),
                day.stops(),
                day.legs(),
                day.score(),
                day.summary(),
                null,
                null));

        assertThat(check.violations(broken, request, context)).anyMatch(v -> v.contains("reaching b at 09:09"));
    }

    @Test
    void detectsThatLunchLeavesNoTimeForTravel() {
        // when Tuesday starts with lunch 13:00–14:00 and a is reached at 14:00 over a 9-minute leg
        ItineraryDay emptyMonday = new ItineraryDay(
                MONDAY,
                time(valid.days().get(0), "09:00"),
                time(valid.days().get(0), "09:00"),
                List.of(),
                List.of(),
                0.0,
                "Nothing planned.",
                null,
                null);
        Itinerary broken = new Itinerary("greedy", 0.9, List.of(emptyMonday, tuesdayVisitOfA("13:00")), null);

        // then
        assertThat(check.violations(broken, request, context))
                .containsExactly("2027-05-11: reaching a at 14:00 leaves 60 minutes after 13:00, but it takes 69");
    }

    @Test
    void detectsATimeWithTheWrongOffset() {
        Stop shifted = stop(valid.days().get(0), 0);
        Stop broken = new Stop(
                shifted.poiId(),
                shifted.name(),
                shifted.category(),
                shifted.lat(),
                shifted.lon(),
                shifted.arrival().withOffsetSameLocal(ZoneOffset.ofHours(2)),
                shifted.departure());

        Itinerary itinerary = withMonday(day -> withStop(day, 0, broken));

        assertThat(check.violations(itinerary, request, context))
                .anyMatch(v -> v.contains("does not carry the day's offset +01:00"));
    }

    @Test
    void detectsADayThatEndsAfterThePaceAllows() {
        Itinerary broken = withMonday(day -> new ItineraryDay(
                day.date(),
                day.start(),
                time(day, "19:30"),
                day.stops(),
                day.legs(),
                day.score(),
                day.summary(),
                null,
                null));

        assertThat(check.violations(broken, request, context))
                .anyMatch(v -> v.contains("ends at 19:30, after the MODERATE pace allows"));
    }

    @Test
    void detectsAPlaceVisitedTwiceInTheTrip() {
        // when Tuesday repeats Monday's visit of a
        ItineraryDay monday = valid.days().get(0);
        Itinerary broken =
                new Itinerary("greedy", monday.score() + 0.9, List.of(monday, tuesdayVisitOfA("12:30")), null);

        // then
        assertThat(check.violations(broken, request, context))
                .containsExactly("2027-05-11: a is visited more than once in the trip");
    }

    @Test
    void detectsLegsThatDoNotFollowTheStops() {
        Itinerary broken = withMonday(day -> {
            List<Leg> legs = new ArrayList<>(day.legs());
            legs.set(1, legs.get(0));
            return new ItineraryDay(
                    day.date(),
                    day.start(),
                    day.end(),
                    day.stops(),
                    legs,
                    day.score(),
                    day.summary(),
                    day.meals(),
                    day.explanation());
        });

        assertThat(check.violations(broken, request, context)).anyMatch(v -> v.contains("leg 2 goes start→b"));
    }

    @Test
    void detectsALegThatDoesNotMatchTheTravelModel() {
        Itinerary broken = withMonday(day -> {
            List<Leg> legs = new ArrayList<>(day.legs());
            Leg leg = legs.get(0);
            legs.set(0, new Leg(leg.from(), leg.to(), leg.mode(), leg.metres(), 1));
            return new ItineraryDay(
                    day.date(),
                    day.start(),
                    day.end(),
                    day.stops(),
                    legs,
                    day.score(),
                    day.summary(),
                    day.meals(),
                    day.explanation());
        });

        assertThat(check.violations(broken, request, context)).anyMatch(v -> v.contains("the travel model says"));
    }

    @Test
    void detectsATourThroughLunchTimeWithoutALunchPause() {
        Itinerary broken = withMonday(day -> withSummary(day, "2 stops."));

        assertThat(check.violations(broken, request, context))
                .containsExactly(
                        "2027-05-10: the tour (09:00–15:19) is under way at lunch time but has no lunch pause");
    }

    @Test
    void detectsALunchPauseDuringAVisit() {
        Itinerary broken = withMonday(day -> withSummary(day, "2 stops. Lunch 13:45–14:45."));

        assertThat(check.violations(broken, request, context))
                .anyMatch(v -> v.contains("lunch 13:45–14:45 overlaps the visit of a"));
    }

    @Test
    void detectsALunchPauseAtTheWrongTime() {
        Itinerary broken = withMonday(day -> withSummary(day, "2 stops. Lunch 11:00–11:30."));

        assertThat(check.violations(broken, request, context))
                .anyMatch(v -> v.contains("lunch 11:00–11:30 starts outside 12:00–14:00"))
                .anyMatch(v -> v.contains("does not last 60 minutes"));
    }

    @Test
    void detectsAStopThatIsNotACandidate() {
        Stop ghost = new Stop(
                "ghost",
                "Ghost",
                Interest.ART,
                0,
                0,
                time(valid.days().get(0), "09:09"),
                time(valid.days().get(0), "10:09"));

        Itinerary broken = withMonday(day -> withStop(day, 0, ghost));

        assertThat(check.violations(broken, request, context))
                .anyMatch(v -> v.contains("ghost is not a candidate"))
                .anyMatch(v -> v.contains("leg 1 goes start→b instead of start→ghost"));
    }

    @Test
    void detectsAMissingDayAndAWrongTotal() {
        Itinerary broken = new Itinerary("greedy", 99.0, List.of(valid.days().get(0)), null);

        assertThat(check.violations(broken, request, context))
                .anyMatch(v -> v.contains("has 1 days but the trip has 2"))
                .anyMatch(v -> v.contains("total score"));
    }

    /** A Tuesday that starts with lunch at the given time, then visits a 14:00–15:00. */
    private ItineraryDay tuesdayVisitOfA(String start) {
        TravelTimes travel = new TravelTimes(DEFAULTS.travel());
        LocalTime lunch = LocalTime.parse(start);
        return new ItineraryDay(
                TUESDAY,
                tuesday(lunch),
                tuesday(LocalTime.of(15, 30)),
                List.of(new Stop(
                        "a",
                        "The a",
                        Interest.HISTORY,
                        a.location().lat(),
                        a.location().lon(),
                        tuesday(LocalTime.of(14, 0)),
                        tuesday(LocalTime.of(15, 0)))),
                List.of(
                        travel.leg(Leg.START, Trips.CENTRE, "a", a.location(), request.modeOrDefault()),
                        travel.leg("a", a.location(), Leg.START, Trips.CENTRE, request.modeOrDefault())),
                0.9,
                "1 stop. Lunch %s–%s.".formatted(lunch, lunch.plusHours(1)),
                null,
                null);
    }

    private static OffsetDateTime tuesday(LocalTime time) {
        return OffsetDateTime.of(TUESDAY, time, ZoneOffset.ofHours(1));
    }

    private Itinerary withMonday(UnaryOperator<ItineraryDay> change) {
        List<ItineraryDay> days = new ArrayList<>(valid.days());
        days.set(0, change.apply(days.get(0)));
        return new Itinerary(valid.planner(), valid.totalScore(), days, null);
    }

    private static ItineraryDay withStop(ItineraryDay day, int index, Stop stop) {
        List<Stop> stops = new ArrayList<>(day.stops());
        stops.set(index, stop);
        return new ItineraryDay(
                day.date(),
                day.start(),
                day.end(),
                stops,
                day.legs(),
                day.score(),
                day.summary(),
                day.meals(),
                day.explanation());
    }

    private static ItineraryDay withSummary(ItineraryDay day, String summary) {
        return new ItineraryDay(
                day.date(), day.start(), day.end(), day.stops(), day.legs(), day.score(), summary, null, null);
    }

    private static Stop stop(ItineraryDay day, int index) {
        return day.stops().get(index);
    }

    private static Stop at(Stop stop, String arrival, String departure) {
        return new Stop(
                stop.poiId(),
                stop.name(),
                stop.category(),
                stop.lat(),
                stop.lon(),
                stop.arrival().with(LocalTime.parse(arrival)),
                stop.departure().with(LocalTime.parse(departure)));
    }

    private static OffsetDateTime time(ItineraryDay day, String time) {
        return day.start().with(LocalTime.parse(time));
    }
}
