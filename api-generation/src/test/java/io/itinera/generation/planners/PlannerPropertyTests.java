package io.itinera.generation.planners;

import static io.itinera.generation.planning.Trips.DEFAULTS;
import static io.itinera.generation.planning.Trips.MONDAY;
import static io.itinera.generation.planning.Trips.near;
import static io.itinera.generation.planning.Trips.outdoor;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.Trips;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every itinerary the search planner writes passes the independent feasibility check, whatever the trip. */
class PlannerPropertyTests {

    private final ItineraryPlanner planner = Planners.search(DEFAULTS);
    private final FeasibilityCheck check = new FeasibilityCheck(DEFAULTS);

    @Property(tries = 60)
    void everyPlannedItineraryIsFeasible(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int days,
            @ForAll @IntRange(min = 0, max = 40) int places,
            @ForAll Pace pace,
            @ForAll boolean transit,
            @ForAll boolean lodging,
            @ForAll @IntRange(min = 0, max = 100) int rainChance) {
        Random random = new Random(seed);
        PlanningContext base = GreedyPlannerTests.randomContext(random, days, places);
        List<TripDay> withWeather = base.days().stream()
                .map(day -> new TripDay(
                        day.date(),
                        day.utcOffset(),
                        null,
                        null,
                        random.nextInt(5) == 0 ? "Holiday" : null,
                        null,
                        null,
                        new DayWeather(
                                DayWeather.Source.OPEN_METEO,
                                null,
                                10,
                                20,
                                rainChance / 10.0,
                                random.nextInt(101),
                                null,
                                rainChance > 60)))
                .toList();
        List<PointOfInterest> pois = base.pois().stream()
                .map(poi -> random.nextBoolean() ? poi : outdoor(poi))
                .toList();
        PlanningContext context = Trips.context(withWeather, pois);
        List<String> mustSee = pois.stream()
                .filter(poi -> random.nextInt(6) == 0)
                .map(PointOfInterest::id)
                .toList();
        TripRequest request = TripRequests.to("Testville")
                .dates(MONDAY, MONDAY.plusDays(days - 1))
                .interests(Interest.values()[random.nextInt(10)], Interest.values()[random.nextInt(10)])
                .pace(pace)
                .budget(Budget.values()[random.nextInt(3)])
                .mustSee(mustSee)
                .lodging(lodging ? near(random.nextInt(4000) - 2000, random.nextInt(4000) - 2000) : null)
                .currency("EUR")
                .mode(transit ? TravelMode.TRANSIT : TravelMode.WALK)
                .build();

        Itinerary itinerary = planner.plan(request, context, (day, number, total) -> {});

        assertThat(check.violations(itinerary, request, context))
                .as("%s", itinerary)
                .isEmpty();
        assertThat(itinerary.days()).hasSize(days);
    }
}
