package io.itinera.generation.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

class GenerationWarmUpTests {

    private static final GenerationProperties PROPERTIES = GenerationProperties.defaults();

    @Test
    void rehearsesTheConfiguredPlansAndEachComesOutAsAnItinerary() {
        assertThat(warmUp(6).rehearse()).isEqualTo(6);
    }

    @Test
    void theMadeUpTripsAreReallyPlannedStopsOnEveryDay() {
        // the rehearsal is worth its time only if the planner does its real work on them, not an early failure
        ItineraryGenerator generator = new ItineraryGenerator(Planners.search(PROPERTIES), PROPERTIES);
        IntStream.range(0, 5).forEach(index -> {
            GenerationRequested trip = WarmUpTrips.trip(index, LocalDate.of(2027, 6, 1));
            GenerationCompleted completed = generator.generate(trip, (day, number, total) -> {});

            assertThat(completed.failure()).as("trip %d's failure", index).isNull();
            assertThat(Objects.requireNonNull(completed.itinerary()).days())
                    .as("trip %d's days", index)
                    .hasSize(index + 1)
                    .allSatisfy(day -> assertThat(day.stops()).isNotEmpty());
        });
    }

    @Test
    void noTripsMeansNoRehearsal() {
        assertThat(warmUp(0).rehearse()).isZero();
    }

    @Test
    void itRunsBeforeTheListenersAndTheirTransactionalProducersStart() {
        assertThat(warmUp(1).getPhase()).isLessThan(AbstractMessageListenerContainer.DEFAULT_PHASE - 1);
    }

    private static GenerationWarmUp warmUp(int trips) {
        return new GenerationWarmUp(
                new ItineraryGenerator(Planners.search(PROPERTIES), PROPERTIES), new WarmUpProperties(trips));
    }
}
