package io.itinera.generation.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Outcome;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TravelMode;
import io.itinera.generation.LisbonTrip;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ItineraryGeneratorTests {

    private final AtomicBoolean plannerCalled = new AtomicBoolean();

    @Test
    void failsWithNoCandidatesWhenTheContextHasNoPointsOfInterest() {
        // given
        GenerationRequested requested = withContext(context -> new PlanningContext(
                context.destination(), context.days(), List.of(), context.warnings(), context.builtAt(), null, null));

        // when
        GenerationCompleted completed = generator(emptyDays()).generate(requested, (day, number, total) -> {});

        // then
        assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(completed.failure().code()).isEqualTo("no-candidates");
        assertThat(completed.failure().reason()).contains("Lisbon");
        assertThat(plannerCalled).isFalse();
    }

    @Test
    void failsWithNoDaysWhenTheContextHasNoTripDays() {
        GenerationRequested requested = withContext(context -> new PlanningContext(
                context.destination(), List.of(), context.pois(), context.warnings(), context.builtAt(), null, null));

        GenerationCompleted completed = generator(emptyDays()).generate(requested, (day, number, total) -> {});

        assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(completed.failure().code()).isEqualTo("no-days");
        assertThat(plannerCalled).isFalse();
    }

    @Test
    void failsWithNoFeasibleStopsWhenEveryDayIsEmpty() {
        GenerationCompleted completed =
                generator(emptyDays()).generate(LisbonTrip.requested("trip-1"), (day, number, total) -> {});

        assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(completed.failure().code()).isEqualTo("no-feasible-stops");
    }

    @Test
    void replacesAnItineraryThatFailsTheFeasibilityCheckWithTheGreedyPlan() {
        // given a planner that sends the traveller to the castle at 03:00 without any legs
        ItineraryPlanner careless = (request, context, progress) -> {
            OffsetDateTime night = OffsetDateTime.of(2027, 5, 10, 3, 0, 0, 0, ZoneOffset.ofHours(1));
            Stop castle =
                    new Stop("castelo-sao-jorge", "Castelo", Interest.HISTORY, 38.7, -9.1, night, night.plusHours(2));
            ItineraryDay monday = new ItineraryDay(
                    LisbonTrip.MONDAY,
                    night,
                    night.plusHours(3),
                    List.of(castle),
                    List.of(new Leg(Leg.START, castle.poiId(), TravelMode.WALK, 0, 0)),
                    1.0,
                    "1 stop.",
                    null,
                    null);
            ItineraryDay tuesday = new ItineraryDay(
                    LisbonTrip.TUESDAY,
                    night.plusDays(1),
                    night.plusDays(1),
                    List.of(),
                    List.of(),
                    0.0,
                    "Empty.",
                    null,
                    null);
            return new Itinerary("careless", 1.0, List.of(monday, tuesday), null);
        };

        // when
        GenerationCompleted completed =
                generator(careless).generate(LisbonTrip.requested("trip-2"), (day, number, total) -> {});

        // then the careless plan is withheld and the greedy baseline, which passes the check, goes out instead
        assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(completed.itinerary().planner()).isEqualTo("greedy");
        assertThat(new FeasibilityCheck(GenerationProperties.defaults())
                        .violations(completed.itinerary(), LisbonTrip.request(), LisbonTrip.context()))
                .isEmpty();
    }

    private ItineraryGenerator generator(ItineraryPlanner planner) {
        return new ItineraryGenerator(
                (request, context, progress) -> {
                    plannerCalled.set(true);
                    return planner.plan(request, context, progress);
                },
                GenerationProperties.defaults());
    }

    /** A planner that finds nothing to do on any day. */
    private static ItineraryPlanner emptyDays() {
        return (request, context, progress) -> new Itinerary(
                "empty",
                0.0,
                context.days().stream()
                        .map(day -> {
                            OffsetDateTime start = day.date()
                                    .atTime(request.pace().dayStart())
                                    .atOffset(ZoneOffset.of(day.utcOffset()));
                            return new ItineraryDay(
                                    day.date(), start, start, List.of(), List.of(), 0.0, "Nothing.", null, null);
                        })
                        .toList(),
                null);
    }

    private static GenerationRequested withContext(UnaryOperator<PlanningContext> change) {
        GenerationRequested requested = LisbonTrip.requested("trip-0");
        return GenerationRequested.of(requested.tripId(), requested.request(), change.apply(requested.context()));
    }
}
