package io.itinera.generation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itinera.events.Outcome;
import io.itinera.events.RecordingPublisher;
import io.itinera.events.TopicNames;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.kafka.StageHandler;
import io.itinera.generation.LisbonTrip;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the planning listener publishes, with the progress throttle's clock in the test's hands: a planner "takes" as
 * long as the test moves that clock. The Kafka path itself is covered by {@link GenerationListenerIntegrationTests}.
 */
class GenerationListenerTests {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final GenerationProperties PROPERTIES = GenerationProperties.defaults();

    private final AtomicLong nanos = new AtomicLong();
    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void aPlannerSlowerThanTheIntervalReportsEachDayItTookThatLongFor() {
        // given: every day takes 300 ms to plan
        ItineraryPlanner greedy = Planners.greedy(PROPERTIES);
        ItineraryPlanner slow = (request, context, progress) -> greedy.plan(request, context, (day, number, total) -> {
            nanos.addAndGet(INTERVAL.plusMillis(50).toNanos());
            progress.dayPlanned(day, number, total);
        });

        // when
        listener(slow).on(record(LisbonTrip.requested("trip-slow")));

        // then
        assertThat(publisher.published)
                .extracting(RecordingPublisher.Published::topic, RecordingPublisher.Published::acknowledged)
                .as("progress is sent without waiting, the completion only once acknowledged")
                .containsExactly(
                        tuple(TopicNames.GENERATION_PROGRESS, false),
                        tuple(TopicNames.GENERATION_PROGRESS, false),
                        tuple(TopicNames.GENERATION_COMPLETED, true));
        assertThat(publisher.published.subList(0, 2))
                .extracting(p -> ((GenerationProgress) p.event()).progress())
                .extracting(step -> step.step(), step -> step.percent())
                .containsExactly(
                        tuple(GenerationListener.STEP_DAY_PLANNED, 50),
                        tuple(GenerationListener.STEP_DAY_PLANNED, 100));
        assertThat(((GenerationCompleted) publisher.published.get(2).event()).outcome())
                .isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aPlannerFasterThanTheIntervalSendsOnlyTheItinerary() {
        // when: no time passes on the throttle's clock
        listener(Planners.greedy(PROPERTIES)).on(record(LisbonTrip.requested("trip-fast")));

        // then
        assertThat(publisher.published).singleElement().satisfies(p -> {
            assertThat(p.topic()).isEqualTo(TopicNames.GENERATION_COMPLETED);
            assertThat(p.acknowledged()).isTrue();
            GenerationCompleted completed = (GenerationCompleted) p.event();
            assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(completed.itinerary()).isNotNull();
            assertThat(completed.itinerary().days()).hasSize(2);
        });
    }

    private GenerationListener listener(ItineraryPlanner planner) {
        return new GenerationListener(
                new ItineraryGenerator(planner, PROPERTIES),
                publisher,
                new StageHandler(new SimpleMeterRegistry(), INTERVAL, nanos::get));
    }

    private static ConsumerRecord<String, GenerationRequested> record(GenerationRequested requested) {
        return new ConsumerRecord<>(TopicNames.GENERATION_REQUEST, 0, 0L, requested.tripId(), requested);
    }
}
