package io.itinera.generation.planners;

import static io.itinera.generation.planning.Trips.DEFAULTS;
import static io.itinera.generation.planning.Trips.MONDAY;
import static io.itinera.generation.planning.Trips.TUESDAY;
import static io.itinera.generation.planning.Trips.context;
import static io.itinera.generation.planning.Trips.day;
import static io.itinera.generation.planning.Trips.near;
import static io.itinera.generation.planning.Trips.oneDay;
import static io.itinera.generation.planning.Trips.outdoor;
import static io.itinera.generation.planning.Trips.poi;
import static io.itinera.generation.planning.Trips.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.LeftOutPoi;
import io.itinera.events.generation.Meal;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.bench.PlanValue;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.Trips;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SearchPlannerTests {

    private final ItineraryPlanner planner = Planners.search(DEFAULTS);
    private final FeasibilityCheck check = new FeasibilityCheck(DEFAULTS);

    @Test
    void visitsTheEarlyClosingPlaceBeforeTheLateOpeningOneWhenTheWindowsForceTheOrder() {
        // given A opens only at 15:00, B closes at 11:00 and C at 14:00
        PointOfInterest a = poi("a", Interest.HISTORY, near(500, 0), 60, 90, Trips.on(MONDAY, "15:00-18:00"));
        PointOfInterest b = poi("b", Interest.ART, near(0, 500), 60, 50, Trips.on(MONDAY, "09:00-11:00"));
        PointOfInterest c = poi("c", Interest.CULTURE, near(-400, 0), 60, 60, Trips.on(MONDAY, "09:00-14:00"));

        // when
        ItineraryDay day = plan(request(Pace.MODERATE, List.of(Interest.HISTORY)), oneDay(a, b, c))
                .days()
                .get(0);

        // then
        assertThat(stopIds(day)).containsExactly("b", "c", "a");
        assertThat(day.stops().get(2).arrival().toLocalTime()).isAfterOrEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void dropsThePlaceThatCannotFitAndSaysWhy() {
        // given a 3-hour visit in a 2-hour window, and an ordinary place
        PointOfInterest tooLong = poi("too-long", Interest.ART, near(300, 0), 180, 99, Trips.on(MONDAY, "10:00-12:00"));
        PointOfInterest fine = poi("fine", Interest.ART, near(0, 300), 60, 50, Trips.on(MONDAY, "09:00-18:00"));

        // when
        Itinerary itinerary = plan(request(Pace.MODERATE, List.of(Interest.ART)), oneDay(tooLong, fine));

        // then
        assertThat(stopIds(itinerary.days().get(0))).containsExactly("fine");
        assertThat(itinerary.leftOut())
                .extracting(LeftOutPoi::poiId, LeftOutPoi::reason)
                .contains(Tuple.tuple(
                        "too-long",
                        "its opening hours leave no room for a 180-minute visit within the moderate day's hours"));
    }

    @Test
    void plansAroundAHolidayClosureOnTheDayThePlaceIsOpen() {
        // given the museum is closed on Monday (a holiday: no window that day) and open on Tuesday
        PointOfInterest museum = poi("museum", Interest.ART, near(400, 0), 90, 95, Trips.on(TUESDAY, "10:00-18:00"));
        PointOfInterest park = poi(
                "park",
                Interest.NATURE,
                near(0, 400),
                60,
                40,
                Trips.on(MONDAY, "08:00-20:00"),
                Trips.on(TUESDAY, "08:00-20:00"));
        TripDay holiday = new TripDay(MONDAY, "+01:00", null, null, "Dia de Teste", null, null, null);
        PlanningContext context = context(List.of(holiday, day(TUESDAY)), List.of(museum, park));

        // when
        Itinerary itinerary = plan(twoDays(Pace.MODERATE, List.of(Interest.ART, Interest.NATURE)), context);

        // then
        assertThat(stopIds(itinerary.days().get(0))).doesNotContain("museum");
        assertThat(stopIds(itinerary.days().get(1))).contains("museum");
        assertThat(itinerary.days().get(0).explanation()).contains("Public holiday (Dia de Teste)");
    }

    @Test
    void placesLunchBetweenNoonAndTwoWithoutOverlappingAVisit() {
        // given places open all day, enough to fill the day
        List<PointOfInterest> pois = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pois.add(poi(
                    "p" + i,
                    Interest.values()[i],
                    near(200 * i, 100 * i),
                    70,
                    50 + i,
                    Trips.on(MONDAY, "09:00-19:00")));
        }

        // when
        ItineraryDay day = plan(
                        request(Pace.MODERATE, List.of(Interest.ART)), oneDay(pois.toArray(PointOfInterest[]::new)))
                .days()
                .get(0);

        // then
        assertThat(day.meals()).hasSize(1);
        Meal lunch = day.meals().get(0);
        assertThat(lunch.kind()).isEqualTo(Meal.LUNCH);
        assertThat(lunch.start().toLocalTime()).isBetween(LocalTime.NOON, LocalTime.of(14, 0));
        assertThat(lunch.end()).isEqualTo(lunch.start().plusMinutes(60));
        for (Stop stop : day.stops()) {
            boolean overlaps =
                    stop.arrival().isBefore(lunch.end()) && lunch.start().isBefore(stop.departure());
            assertThat(overlaps).as("%s overlaps lunch", stop.poiId()).isFalse();
        }
        assertThat(day.summary()).contains("Lunch ");
    }

    @Test
    void addsDinnerToAPackedDayThatRunsIntoTheEvening() {
        List<PointOfInterest> pois = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pois.add(poi(
                    "p" + i,
                    Interest.values()[i % 10],
                    near(150 * i, -120 * i),
                    60,
                    40 + i,
                    Trips.on(MONDAY, "08:00-22:00")));
        }

        ItineraryDay day = plan(
                        request(Pace.PACKED, List.of(Interest.ART)), oneDay(pois.toArray(PointOfInterest[]::new)))
                .days()
                .get(0);

        assertThat(day.meals()).extracting(Meal::kind).containsExactly(Meal.LUNCH, Meal.DINNER);
        assertThat(day.meals().get(1).start().toLocalTime()).isBetween(LocalTime.of(19, 0), LocalTime.of(20, 30));
    }

    @Test
    void placesAMustSeeWhenFeasibleAndExplainsOneThatIsNot() {
        PointOfInterest modest =
                poi("modest", Interest.SHOPPING, near(300, 300), 60, 10, Trips.on(MONDAY, "09:00-18:00"));
        PointOfInterest closed = poi("closed", Interest.HISTORY, near(300, 0), 60, 90);
        PointOfInterest star = poi("star", Interest.HISTORY, near(0, 300), 60, 95, Trips.on(MONDAY, "09:00-18:00"));
        TripRequest request =
                request(Pace.MODERATE, List.of(Interest.HISTORY), null, List.of("modest", "closed"), null);

        Itinerary itinerary = plan(request, oneDay(modest, closed, star));

        assertThat(stopIds(itinerary.days().get(0))).contains("modest", "star");
        assertThat(itinerary.leftOut())
                .filteredOn(LeftOutPoi::mustSee)
                .extracting(LeftOutPoi::poiId, LeftOutPoi::reason)
                .containsExactly(Tuple.tuple("closed", "closed on every day of the trip"));
    }

    @Test
    void keepsOutdoorPlacesForTheDryDayWhenAForecastSaysRain() {
        // given an outdoor viewpoint and an indoor museum, each open both days; Monday is forecast rainy
        PointOfInterest view = outdoor(poi(
                "view",
                Interest.VIEWPOINTS,
                near(300, 0),
                60,
                90,
                Trips.on(MONDAY, "09:00-19:00"),
                Trips.on(TUESDAY, "09:00-19:00")));
        PointOfInterest museum = poi(
                "museum",
                Interest.ART,
                near(0, 300),
                60,
                90,
                Trips.on(MONDAY, "09:00-19:00"),
                Trips.on(TUESDAY, "09:00-19:00"));
        DayWeather rain = new DayWeather(DayWeather.Source.OPEN_METEO, null, 12, 16, 9.5, 90, "rain", true);
        DayWeather dry = new DayWeather(DayWeather.Source.OPEN_METEO, null, 14, 22, 0, 5, "clear", false);
        PlanningContext context = context(
                List.of(
                        new TripDay(MONDAY, "+01:00", null, null, null, null, null, rain),
                        new TripDay(TUESDAY, "+01:00", null, null, null, null, null, dry)),
                List.of(view, museum));

        Itinerary itinerary = plan(twoDays(Pace.MODERATE, List.of(Interest.VIEWPOINTS, Interest.ART)), context);

        assertThat(stopIds(itinerary.days().get(1))).contains("view");
        assertThat(stopIds(itinerary.days().get(0))).doesNotContain("view");
    }

    @Test
    void visitsOutdoorPlacesOnlyBetweenSunriseAndCivilDusk() {
        // given a December day (sunrise 08:05, civil dusk 16:35), a park open round the clock, a viewpoint open from
        // 16:00 that needs an hour, and a museum open late
        PointOfInterest park =
                outdoor(poi("park", Interest.NATURE, near(300, 0), 120, 95, Trips.on(MONDAY, "00:00-23:59")));
        PointOfInterest view =
                outdoor(poi("view", Interest.VIEWPOINTS, near(0, 300), 60, 90, Trips.on(MONDAY, "16:00-23:00")));
        PointOfInterest museum = poi("museum", Interest.ART, near(0, -300), 60, 50, Trips.on(MONDAY, "09:00-21:00"));
        TripDay december = new TripDay(
                MONDAY,
                "+01:00",
                LocalTime.of(8, 5),
                LocalTime.of(15, 53),
                null,
                LocalTime.of(7, 25),
                LocalTime.of(16, 35),
                null);
        PlanningContext context = context(List.of(december), List.of(park, view, museum));
        TripRequest request = request(Pace.PACKED, List.of(Interest.NATURE, Interest.VIEWPOINTS, Interest.ART));

        Itinerary itinerary = plan(request, context);

        // then the park is visited in daylight and the viewpoint, with 35 minutes of daylight, is left out saying why
        assertThat(itinerary.days().get(0).stops())
                .filteredOn(stop -> stop.poiId().equals("park"))
                .singleElement()
                .satisfies(stop -> {
                    assertThat(stop.arrival().toLocalTime()).isAfterOrEqualTo(LocalTime.of(8, 5));
                    assertThat(stop.departure().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(16, 35));
                });
        assertThat(itinerary.leftOut())
                .filteredOn(left -> left.poiId().equals("view"))
                .singleElement()
                .satisfies(left -> assertThat(left.reason()).endsWith("and daylight"));
        assertThat(check.violations(itinerary, request, context)).isEmpty();
    }

    @Test
    void theSeasonDecidesBetweenAnOutdoorAndAnIndoorPlaceWithoutAForecast() {
        // given a park and a museum of four hours each, only one of which fits a relaxed day
        PointOfInterest park =
                outdoor(poi("park", Interest.NATURE, near(300, 0), 240, 80, Trips.on(MONDAY, "08:00-20:00")));
        PointOfInterest museum = poi("museum", Interest.ART, near(0, 300), 240, 70, Trips.on(MONDAY, "08:00-20:00"));
        TripRequest request = request(Pace.RELAXED, List.of(Interest.NATURE, Interest.ART));

        // then a cold, wet month goes to the museum and a warm one to the park
        Itinerary march = plan(request, context(List.of(season(8, 35)), List.of(park, museum)));
        Itinerary july = plan(request, context(List.of(season(29, 30)), List.of(park, museum)));

        assertThat(stopIds(march.days().get(0))).containsExactly("museum");
        assertThat(stopIds(july.days().get(0))).containsExactly("park");
    }

    private static TripDay season(double maxTemperatureC, int rainyDaysPercent) {
        return new TripDay(
                MONDAY,
                "+01:00",
                null,
                null,
                null,
                null,
                null,
                Trips.climateNormals(maxTemperatureC, rainyDaysPercent));
    }

    @Test
    void seedsTheSearchFromTheRequest() {
        TripRequest request = twoDays(Pace.MODERATE, List.of(Interest.ART, Interest.FOOD));
        long seed = SearchPlanner.seedOf(request, 7);

        assertThat(SearchPlanner.seedOf(twoDays(Pace.MODERATE, List.of(Interest.ART, Interest.FOOD)), 7))
                .isEqualTo(seed);
        assertThat(SearchPlanner.seedOf(twoDays(Pace.PACKED, List.of(Interest.ART, Interest.FOOD)), 7))
                .isNotEqualTo(seed);
        assertThat(SearchPlanner.seedOf(twoDays(Pace.MODERATE, List.of(Interest.FOOD, Interest.ART)), 7))
                .isNotEqualTo(seed);
        assertThat(SearchPlanner.seedOf(request, 8)).isNotEqualTo(seed);
    }

    @Test
    void plansTheSameItineraryForTheSameInputAndSeed() {
        Random random = new Random(7);
        PlanningContext context = GreedyPlannerTests.randomContext(random, 3, 40);
        TripRequest request = twoDays(Pace.MODERATE, List.of(Interest.ART, Interest.FOOD));

        // without the time limit, which on a busy machine would cut a search short
        ItineraryPlanner untimed = Planners.search(DEFAULTS.withSearchTimeLimit(java.time.Duration.ofMinutes(1)));
        Itinerary first = untimed.plan(request, context, (day, number, total) -> {});
        Itinerary second = untimed.plan(request, context, (day, number, total) -> {});

        assertThat(second).isEqualTo(first);
    }

    @Test
    void scoresAtLeastAsHighAsTheGreedyPlannerOnRandomTrips() {
        Random random = new Random(11);
        ItineraryPlanner greedy = Planners.greedy(DEFAULTS);
        PlanValue value = new PlanValue(DEFAULTS);
        double searchTotal = 0;
        double greedyTotal = 0;
        for (int trip = 0; trip < 20; trip++) {
            PlanningContext context =
                    GreedyPlannerTests.randomContext(random, 1 + random.nextInt(3), 10 + random.nextInt(30));
            TripRequest request =
                    twoDays(Pace.values()[random.nextInt(3)], List.of(Interest.values()[random.nextInt(10)]));
            searchTotal += value.of(plan(request, context), request, context);
            greedyTotal += value.of(greedy.plan(request, context, (d, n, t) -> {}), request, context);
        }
        assertThat(searchTotal).isGreaterThan(greedyTotal);
    }

    private Itinerary plan(TripRequest request, PlanningContext context) {
        Itinerary itinerary = planner.plan(request, context, (day, number, total) -> {});
        assertThat(check.violations(itinerary, request, context)).isEmpty();
        assertThat(itinerary.planner()).isEqualTo("search");
        return itinerary;
    }

    private static TripRequest twoDays(Pace pace, List<Interest> interests) {
        return TripRequests.to("Testville")
                .dates(MONDAY, TUESDAY)
                .interests(interests)
                .pace(pace)
                .mustSee(List.of())
                .currency("EUR")
                .build();
    }

    private static List<String> stopIds(ItineraryDay day) {
        return day.stops().stream().map(Stop::poiId).toList();
    }
}
