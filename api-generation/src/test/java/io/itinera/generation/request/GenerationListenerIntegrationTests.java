package io.itinera.generation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.StageProgress;
import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.generation.KafkaIntegrationTest;
import io.itinera.generation.LisbonTrip;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.kafka.TopicRecords;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

class GenerationListenerIntegrationTests extends KafkaIntegrationTest {

    @Autowired
    GenerationProperties properties;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void plansEveryPartitionOfTheRequestTopicOnAThreadOfItsOwn() {
        // with fewer threads than partitions one thread plans two partitions' trips while another waits (see
        // performance.md, "Issue 10, session 19")
        ConcurrentMessageListenerContainer<?, ?> requests = listeners.getListenerContainers().stream()
                .filter(container ->
                        List.of(container.getContainerProperties().getTopics()).contains(TopicNames.GENERATION_REQUEST))
                .map(ConcurrentMessageListenerContainer.class::cast)
                .findFirst()
                .orElseThrow();

        assertThat(requests.getConcurrency()).isEqualTo(Topics.PARTITIONS);
        // while the group settles a thread may hold two for a moment (the first to join is given all three), so what
        // is checked is where the group's assignment ends up
        Awaitility.await("every partition on a thread of its own")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    assertThat(assigned(requests)).hasSize(Topics.PARTITIONS);
                    assertThat(requests.getAssignmentsByClientId().values())
                            .allSatisfy(partitions -> assertThat(partitions).hasSizeLessThanOrEqualTo(1));
                });
    }

    private static List<TopicPartition> assigned(ConcurrentMessageListenerContainer<?, ?> container) {
        return container.getAssignmentsByClientId().values().stream()
                .flatMap(Collection::stream)
                .toList();
    }

    @Test
    void plansARequestedTripReportingProgressWhereDueAndTheFeasibleItinerary() throws Exception {
        // given
        String tripId = newTripId();
        GenerationRequested requested = LisbonTrip.requested(tripId);

        try (TopicRecords<Object> events = TopicRecords.of(
                bootstrapServers(),
                new EventDeserializer<>(),
                TopicNames.GENERATION_PROGRESS,
                TopicNames.GENERATION_COMPLETED)) {
            // when
            sendRequest(tripId, requested, "req-lisbon-1");

            // then
            List<ConsumerRecord<String, Object>> records = events.awaitRecords(
                    tripId,
                    read -> assertThat(read)
                            .filteredOn(record -> record.value() instanceof GenerationCompleted)
                            .hasSize(1));
            // progress is throttled (itinera.kafka.progress.min-interval), so this trip may report any of its steps
            // or none; what it reports keeps its order and shape (GenerationListenerTests: a slow planner reports)
            List<StageProgress> all = records.stream()
                    .filter(record -> record.value() instanceof GenerationProgress)
                    .map(record -> ((GenerationProgress) record.value()).progress())
                    .toList();
            assertThat(all).extracting(StageProgress::percent).isSorted();
            List<StageProgress> searching =
                    all.stream().filter(p -> p.step().equals("searching")).toList();
            assertThat(searching).allSatisfy(p -> assertThat(p.percent()).isLessThan(50));
            List<StageProgress> progress =
                    all.stream().filter(p -> p.step().equals("day-planned")).toList();
            assertThat(progress)
                    .extracting(StageProgress::step, StageProgress::percent)
                    .doesNotHaveDuplicates()
                    .isSubsetOf(tuple("day-planned", 50), tuple("day-planned", 100));
            assertThat(progress)
                    .allSatisfy(p -> assertThat(p.message())
                            .startsWith("Planned 2027-05-1")
                            .endsWith(" stops"));

            ConsumerRecord<String, Object> completedRecord = records.stream()
                    .filter(record -> record.value() instanceof GenerationCompleted)
                    .findFirst()
                    .orElseThrow();
            GenerationCompleted completed = (GenerationCompleted) completedRecord.value();
            assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(completed.tripId()).isEqualTo(tripId);
            Itinerary itinerary = completed.itinerary();
            assertThat(itinerary).isNotNull();
            assertThat(itinerary.planner()).isEqualTo("search");
            assertThat(itinerary.days())
                    .allSatisfy(day -> assertThat(day.meals()).isNotEmpty());
            assertThat(itinerary.days())
                    .allSatisfy(day -> assertThat(day.explanation()).isNotBlank());
            assertThat(itinerary.days())
                    .extracting(ItineraryDay::date)
                    .containsExactly(LisbonTrip.MONDAY, LisbonTrip.TUESDAY);
            assertThat(itinerary.days())
                    .allSatisfy(day -> assertThat(day.stops()).hasSizeGreaterThanOrEqualTo(3));
            assertThat(itinerary.days().stream().flatMap(day -> day.stops().stream()))
                    .anySatisfy(stop -> assertThat(stop.poiId()).isEqualTo("castelo-sao-jorge"));
            assertThat(new FeasibilityCheck(properties).violations(itinerary, requested.request(), requested.context()))
                    .isEmpty();
            assertThat(EventHeaders.read(completedRecord.headers(), EventHeaders.REQUEST_ID))
                    .contains("req-lisbon-1");
            assertThat(EventHeaders.read(completedRecord.headers(), EventHeaders.TRACEPARENT))
                    .as("the trace travels on in our own headers (Kafka observation is off in the workers)")
                    .contains(TRACEPARENT);
            assertThat(EventHeaders.read(completedRecord.headers(), EventHeaders.CE_TYPE))
                    .contains("io.itinera.generation.GenerationCompleted.v1");
            assertThat(EventHeaders.read(completedRecord.headers(), EventHeaders.CE_SOURCE))
                    .contains("/itinera/api-generation");
        }
    }

    @Test
    void answersATripWithoutCandidatesWithAFailedOutcome() throws Exception {
        // given
        String tripId = newTripId();
        GenerationRequested full = LisbonTrip.requested(tripId);
        GenerationRequested empty = GenerationRequested.of(
                tripId,
                full.request(),
                new PlanningContext(
                        full.context().destination(),
                        full.context().days(),
                        List.of(),
                        List.of(),
                        full.context().builtAt(),
                        null,
                        null));

        try (TopicRecords<Object> events =
                TopicRecords.of(bootstrapServers(), new EventDeserializer<>(), TopicNames.GENERATION_COMPLETED)) {
            // when
            sendRequest(tripId, empty, "req-empty");

            // then
            GenerationCompleted completed = (GenerationCompleted)
                    events.awaitRecords(tripId, read -> assertThat(read).hasSize(1))
                            .get(0)
                            .value();
            assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(completed.failure()).isNotNull();
            assertThat(completed.failure().code()).isEqualTo("no-candidates");
            assertThat(completed.itinerary()).isNull();
        }
    }
}
