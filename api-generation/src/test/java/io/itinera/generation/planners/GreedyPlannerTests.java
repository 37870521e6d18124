package io.itinera.generation.planners;

import static io.itinera.generation.planning.Trips.CENTRE;
import static io.itinera.generation.planning.Trips.DEFAULTS;
import static io.itinera.generation.planning.Trips.MONDAY;
import static io.itinera.generation.planning.Trips.TUESDAY;
import static io.itinera.generation.planning.Trips.context;
import static io.itinera.generation.planning.Trips.day;
import static io.itinera.generation.planning.Trips.near;
import static io.itinera.generation.planning.Trips.oneDay;
import static io.itinera.generation.planning.Trips.poi;
import static io.itinera.generation.planning.Trips.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.MealPause;
import io.itinera.generation.planning.Minutes;
import io.itinera.generation.planning.Trips;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreedyPlannerTests {

    private final GreedyPlanner planner = new GreedyPlanner(DEFAULTS);
    private final GreedyPlanner withoutTopPlaces = new GreedyPlanner(Trips.WITHOUT_TOP_PLACES);
    private final FeasibilityCheck check = new FeasibilityCheck(DEFAULTS);

    @Test
    void visitsTheEarlyClosingPlaceBeforeTheLateOpeningOne() {
        // given A is more popular but opens late, B closes early
        PointOfInterest a = poi("a", Interest.HISTORY, near(500, 0), 60, 90, Trips.on(MONDAY, "14:00-18:00"));
        PointOfInterest b = poi("b", Interest.HISTORY, near(0, 500), 60, 50, Trips.on(MONDAY, "09:00-11:00"));

        // when
        ItineraryDay day = planFeasibly(request(Pace.MODERATE, List.of(Interest.HISTORY)), oneDay(a, b))
                .days()
                .get(0);

        // then
        assertThat(stopIds(day)).containsExactly("b", "a");
        assertThat(day.stops().get(1).arrival().toLocalTime()).isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void dropsAPlaceWhoseVisitDoesNotFitInItsOpeningHours() {
        // given
        PointOfInterest tooLong = poi("too-long", Interest.ART, near(200, 0), 180, 99, Trips.on(MONDAY, "10:00-12:00"));
        PointOfInterest fits = poi("fits", Interest.ART, near(0, 200), 60, 40, Trips.on(MONDAY, "09:00-17:00"));

        // when
        Itinerary itinerary = planFeasibly(request(Pace.MODERATE, List.of(Interest.ART)), oneDay(tooLong, fits));

        // then
        assertThat(stopIds(itinerary.days().get(0))).containsExactly("fits");
    }

    @Test
    void leavesAPlaceClosedThatDayForAnotherDay() {
        // given the museum is open on Tuesday only
        PointOfInterest museum = poi("museum", Interest.ART, near(300, 0), 90, 80, Trips.on(TUESDAY, "10:00-18:00"));
        PlanningContext context = context(List.of(day(MONDAY), day(TUESDAY)), List.of(museum));

        // when
        Itinerary itinerary = planFeasibly(request(Pace.MODERATE, List.of(Interest.ART)), context);

        // then
        ItineraryDay monday = itinerary.days().get(0);
        assertThat(monday.stops()).isEmpty();
        assertThat(monday.legs()).isEmpty();
        assertThat(monday.summary()).contains("closed");
        assertThat(stopIds(itinerary.days().get(1))).containsExactly("museum");
    }

    @Test
    void keepsOnlyPlacesFromWhichTheTravellerIsBackByTheEndOfTheDay() {
        // given a place about 52 minutes' walk away, open late in the afternoon
        PointOfInterest far = poi("far", Interest.NATURE, near(3000, 0), 60, 90, Trips.on(MONDAY, "16:00-17:30"));

        // when
        Itinerary relaxed = planFeasibly(request(Pace.RELAXED, List.of(Interest.NATURE)), oneDay(far));
        Itinerary packed = planFeasibly(request(Pace.PACKED, List.of(Interest.NATURE)), oneDay(far));

        // then the relaxed day would end at 18:12, after 18:00; the packed day ends long before 21:00
        assertThat(relaxed.days().get(0).stops()).isEmpty();
        assertThat(stopIds(packed.days().get(0))).containsExactly("far");
        assertThat(packed.days().get(0).end().toLocalTime()).isBefore(LocalTime.of(18, 0));
    }

    @Test
    void reservesALunchPauseBetweenNoonAndTwoWhenTheTourRunsThroughLunch() {
        // given enough places to fill a whole day
        List<PointOfInterest> pois = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pois.add(poi(
                    "p" + i,
                    Interest.HISTORY,
                    near(150.0 * i, 100.0 * (i % 3)),
                    75,
                    60 + i,
                    Trips.on(MONDAY, "09:00-18:00")));
        }

        // when
        ItineraryDay day = planFeasibly(
                        request(Pace.MODERATE, List.of(Interest.HISTORY)), context(List.of(day(MONDAY)), pois))
                .days()
                .get(0);

        // then
        MealPause lunch = MealPause.in(day.summary()).orElseThrow();
        assertThat(lunch.start()).isBetween(12 * 60, 14 * 60);
        assertThat(lunch.end() - lunch.start()).isEqualTo(60);
        assertThat(day.stops())
                .allSatisfy(stop -> assertThat(Minutes.of(stop.departure().toLocalTime()) <= lunch.start()
                                || Minutes.of(stop.arrival().toLocalTime()) >= lunch.end())
                        .isTrue());
        assertThat(day.end().toLocalTime()).isAfter(LocalTime.of(15, 0));
    }

    @Test
    void letsAFoodPlaceVisitedAtLunchTimeServeAsLunch() {
        // given
        PointOfInterest museum =
                poi("museum", Interest.HISTORY, near(0, 300), 120, 90, Trips.on(MONDAY, "09:00-12:00"));
        PointOfInterest market = poi("market", Interest.FOOD, near(300, 0), 45, 80, Trips.on(MONDAY, "12:00-15:00"));

        // when
        ItineraryDay day = planFeasibly(
                        request(Pace.MODERATE, List.of(Interest.HISTORY, Interest.FOOD)), oneDay(museum, market))
                .days()
                .get(0);

        // then
        assertThat(stopIds(day)).containsExactly("museum", "market");
        Stop lunchStop = day.stops().get(1);
        assertThat(lunchStop.arrival().toLocalTime()).isEqualTo(LocalTime.NOON);
        assertThat(lunchStop.departure().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(day.summary()).contains("Lunch 12:00–13:00 at The market");
    }

    @Test
    void endsAMorningTourWithoutLunchWhenTheTravellerIsBackBeforeNoon() {
        // given
        PointOfInterest early = poi("early", Interest.NATURE, near(200, 0), 60, 70, Trips.on(MONDAY, "09:00-11:00"));

        // when
        ItineraryDay day = planFeasibly(request(Pace.MODERATE, List.of(Interest.NATURE)), oneDay(early))
                .days()
                .get(0);

        // then
        assertThat(day.end().toLocalTime()).isBeforeOrEqualTo(LocalTime.NOON);
        assertThat(day.summary()).doesNotContain("Lunch");
    }

    @Test
    void plansTheSameItineraryForTheSameInputWhateverTheCandidateOrder() {
        // given
        TripRequest request = request(Pace.PACKED, List.of(Interest.ART, Interest.VIEWPOINTS));
        PlanningContext context = randomContext(new Random(7), 2, 20);
        List<PointOfInterest> shuffled = new ArrayList<>(context.pois());
        Collections.shuffle(shuffled, new Random(3));
        PlanningContext reordered = context(context.days(), shuffled);

        // when
        Itinerary first = planFeasibly(request, context);
        Itinerary second = planFeasibly(request, context);
        Itinerary third = planFeasibly(request, reordered);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void prefersPlacesThatMatchTheTravellersInterests() {
        // given two equally popular places open in the same single hour
        PointOfInterest gallery = poi("gallery", Interest.ART, near(400, 0), 60, 80, Trips.on(MONDAY, "10:00-11:00"));
        PointOfInterest garden = poi("garden", Interest.NATURE, near(-400, 0), 60, 80, Trips.on(MONDAY, "10:00-11:00"));

        // when (as lesser places: the city's top places keep their value outside the interests)
        Itinerary forArt =
                planFeasibly(withoutTopPlaces, request(Pace.MODERATE, List.of(Interest.ART)), oneDay(gallery, garden));
        Itinerary forNature = planFeasibly(
                withoutTopPlaces, request(Pace.MODERATE, List.of(Interest.NATURE)), oneDay(gallery, garden));

        // then
        assertThat(stopIds(forArt.days().get(0))).containsExactly("gallery");
        assertThat(stopIds(forNature.days().get(0))).containsExactly("garden");
    }

    @Test
    void placesAMustSeeEvenWhenAMorePopularPlaceCompetesForTheSameHour() {
        // given
        PointOfInterest famous = poi("famous", Interest.HISTORY, near(300, 0), 60, 95, Trips.on(MONDAY, "10:00-11:00"));
        PointOfInterest obscure =
                poi("obscure", Interest.HISTORY, near(0, 300), 60, 10, Trips.on(MONDAY, "10:00-11:00"));
        TripRequest request = request(Pace.MODERATE, List.of(Interest.HISTORY), null, List.of("obscure"), null);

        // when
        Itinerary itinerary = planFeasibly(request, oneDay(famous, obscure));

        // then
        assertThat(stopIds(itinerary.days().get(0))).containsExactly("obscure");
        assertThat(itinerary.totalScore()).isGreaterThan(DEFAULTS.weights().mustSeeBonus());
    }

    @Test
    void givesDiminishingReturnsToMoreStopsOfTheSameCategoryInOneDay() {
        // given three places at the start point itself, so only scores decide
        PointOfInterest h1 = poi("h1", Interest.HISTORY, CENTRE, 60, 90, Trips.on(MONDAY, "09:00-18:00"));
        PointOfInterest h2 = poi("h2", Interest.HISTORY, CENTRE, 60, 90, Trips.on(MONDAY, "09:00-18:00"));
        PointOfInterest a1 = poi("a1", Interest.ART, CENTRE, 60, 60, Trips.on(MONDAY, "09:00-18:00"));

        // when (as lesser places, so that no top-place bonus hides the factor)
        ItineraryDay day = planFeasibly(
                        withoutTopPlaces,
                        request(Pace.MODERATE, List.of(Interest.HISTORY, Interest.ART)),
                        oneDay(h1, h2, a1))
                .days()
                .get(0);

        // then 0.9 for h1, then a1 (0.6) beats h2 (0.9 × 0.6 = 0.54)
        assertThat(stopIds(day)).containsExactly("h1", "a1", "h2");
        assertThat(day.score()).isEqualTo(2.04);
    }

    @Test
    void visitsEachPlaceAtMostOncePerTrip() {
        // given two places open on both days, and time for both on the first
        PointOfInterest castle = poi(
                "castle",
                Interest.HISTORY,
                near(300, 0),
                60,
                90,
                Trips.on(MONDAY, "09:00-18:00"),
                Trips.on(TUESDAY, "09:00-18:00"));
        PointOfInterest garden = poi(
                "garden",
                Interest.NATURE,
                near(0, 300),
                60,
                70,
                Trips.on(MONDAY, "09:00-18:00"),
                Trips.on(TUESDAY, "09:00-18:00"));
        PlanningContext context = context(List.of(day(MONDAY), day(TUESDAY)), List.of(castle, garden));

        // when
        Itinerary itinerary = planFeasibly(request(Pace.MODERATE, List.of(Interest.HISTORY)), context);

        // then
        assertThat(stopIds(itinerary.days().get(0))).containsExactlyInAnyOrder("castle", "garden");
        assertThat(itinerary.days().get(1).stops()).isEmpty();
        assertThat(itinerary.days().get(1).summary()).contains("already planned");
    }

    @Test
    void startsFromTheLodgingAndRidesTransitOnlyForLongHops() {
        // given
        GeoPoint lodging = near(-2500, 0);
        PointOfInterest near =
                poi("near-lodging", Interest.ART, near(-2200, 0), 60, 50, Trips.on(MONDAY, "09:00-18:00"));
        PointOfInterest far = poi("far-away", Interest.ART, near(1500, 0), 60, 90, Trips.on(MONDAY, "09:00-18:00"));
        TripRequest request = request(Pace.MODERATE, List.of(Interest.ART), TravelMode.TRANSIT, List.of(), lodging);

        // when
        ItineraryDay day = planFeasibly(request, oneDay(near, far)).days().get(0);

        // then the feasibility check recomputes every leg from the lodging; here we look at the modes
        assertThat(day.legs()).extracting(Leg::from).first().isEqualTo(Leg.START);
        assertThat(day.legs())
                .filteredOn(leg -> leg.metres() < 1000)
                .isNotEmpty()
                .allSatisfy(leg -> assertThat(leg.mode()).isEqualTo(TravelMode.WALK));
        assertThat(day.legs())
                .filteredOn(leg -> leg.metres() >= 1000)
                .isNotEmpty()
                .allSatisfy(leg -> assertThat(leg.mode()).isEqualTo(TravelMode.TRANSIT));
    }

    @Test
    void writesEveryTimeWithTheOffsetOfItsDay() {
        // given the clocks go forward between the two days
        LocalDate saturday = LocalDate.of(2027, 3, 27);
        LocalDate sunday = saturday.plusDays(1);
        List<TripDay> days = List.of(
                new TripDay(saturday, "+00:00", null, null, null, null, null, null),
                new TripDay(sunday, "+01:00", null, null, "Test Day", null, null, null));
        PointOfInterest one = poi("one", Interest.ART, near(300, 0), 60, 80, Trips.on(saturday, "09:00-18:00"));
        PointOfInterest two = poi("two", Interest.ART, near(0, 300), 60, 80, Trips.on(sunday, "09:00-18:00"));

        // when
        Itinerary itinerary =
                planFeasibly(request(Pace.MODERATE, List.of(Interest.ART)), context(days, List.of(one, two)));

        // then
        assertThat(itinerary.days().get(0).stops().get(0).arrival().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(itinerary.days().get(1).stops().get(0).arrival().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(itinerary.days().get(1).summary()).contains("Public holiday: Test Day");
    }

    @Test
    void reportsProgressOncePerDay() {
        // given
        PlanningContext context = randomContext(new Random(11), 3, 12);
        List<String> reports = new ArrayList<>();

        // when
        planner.plan(
                request(Pace.MODERATE, List.of(Interest.ART)),
                context,
                (day, number, total) -> reports.add(day.date() + " " + number + "/" + total));

        // then
        assertThat(reports)
                .containsExactly(
                        context.days().get(0).date() + " 1/3",
                        context.days().get(1).date() + " 2/3",
                        context.days().get(2).date() + " 3/3");
    }

    @Test
    void producesOnlyFeasibleItinerariesForManyRandomTrips() {
        Random random = new Random(42);
        int stops = 0;
        int lunchesAtFoodPlaces = 0;
        for (int trip = 0; trip < 300; trip++) {
            // given
            PlanningContext context = randomContext(random, 1 + random.nextInt(3), random.nextInt(25));
            List<String> mustSee = context.pois().stream()
                    .filter(poi -> random.nextInt(5) == 0)
                    .map(PointOfInterest::id)
                    .toList();
            TripRequest request = request(
                    Pace.values()[random.nextInt(3)],
                    List.of(Interest.values()[random.nextInt(10)], Interest.values()[random.nextInt(10)]),
                    random.nextBoolean() ? TravelMode.TRANSIT : null,
                    mustSee,
                    random.nextBoolean() ? near(random.nextInt(4000) - 2000, random.nextInt(4000) - 2000) : null);

            // when
            Itinerary itinerary = planner.plan(request, context, (day, number, total) -> {});

            // then
            assertThat(check.violations(itinerary, request, context))
                    .as("trip %d: %s", trip, itinerary)
                    .isEmpty();
            stops += itinerary.days().stream()
                    .mapToInt(day -> day.stops().size())
                    .sum();
            lunchesAtFoodPlaces += (int) itinerary.days().stream()
                    .filter(day -> day.summary().contains(" at "))
                    .count();
        }
        assertThat(stops).as("the random trips are not trivially empty").isGreaterThan(1000);
        assertThat(lunchesAtFoodPlaces).isPositive();
    }

    private Itinerary planFeasibly(TripRequest request, PlanningContext context) {
        return planFeasibly(planner, request, context);
    }

    private Itinerary planFeasibly(GreedyPlanner planner, TripRequest request, PlanningContext context) {
        Itinerary itinerary = planner.plan(request, context, (day, number, total) -> {});
        assertThat(check.violations(itinerary, request, context)).isEmpty();
        assertThat(itinerary.planner()).isEqualTo("greedy");
        return itinerary;
    }

    private static List<String> stopIds(ItineraryDay day) {
        return day.stops().stream().map(Stop::poiId).toList();
    }

    /** Places within about 4 km of the centre, open in zero to two random windows on each day. */
    static PlanningContext randomContext(Random random, int dayCount, int poiCount) {
        List<String> offsets = List.of("+00:00", "+01:00", "-03:00", "+05:30");
        List<TripDay> days = new ArrayList<>();
        for (int d = 0; d < dayCount; d++) {
            days.add(new TripDay(
                    MONDAY.plusDays(d),
                    offsets.get(random.nextInt(offsets.size())),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        List<PointOfInterest> pois = new ArrayList<>();
        for (int p = 0; p < poiCount; p++) {
            List<DayWindows> open = new ArrayList<>();
            for (TripDay day : days) {
                int windows = random.nextInt(3);
                int from = 6 * 60 + random.nextInt(8 * 60);
                List<TimeWindow> list = new ArrayList<>();
                for (int w = 0; w < windows && from < 23 * 60; w++) {
                    int to = Math.min(23 * 60 + 59, from + 30 + random.nextInt(9 * 60));
                    list.add(new TimeWindow(Minutes.toTime(from), Minutes.toTime(to)));
                    from = to + 30 + random.nextInt(120);
                }
                if (!list.isEmpty() || random.nextBoolean()) {
                    open.add(new DayWindows(day.date(), list));
                }
            }
            pois.add(poi(
                    "poi-%02d".formatted(p),
                    Interest.values()[random.nextInt(10)],
                    near(random.nextInt(8000) - 4000, random.nextInt(8000) - 4000),
                    10 + random.nextInt(170),
                    random.nextInt(101),
                    random.nextInt(4),
                    open.toArray(DayWindows[]::new)));
        }
        return context(days, pois);
    }
}
