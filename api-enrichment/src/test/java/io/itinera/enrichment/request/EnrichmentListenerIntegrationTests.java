package io.itinera.enrichment.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.itinera.enrichment.EnrichmentIntegrationTest;
import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.StageProgress;
import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.kafka.DeadLetters;
import io.itinera.events.kafka.StageHandler;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.trip.Interest;
import io.itinera.kafka.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;

@EnrichmentIntegrationTest
class EnrichmentListenerIntegrationTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    KafkaOperations<String, Object> kafka;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TopicRecords<Object> outcomes;

    @BeforeEach
    void readOutcomeTopics() {
        outcomes = TopicRecords.of(
                bootstrapServers,
                new EventDeserializer<>(),
                TopicNames.ENRICHMENT_PROGRESS,
                TopicNames.ENRICHMENT_COMPLETED);
    }

    @AfterEach
    void close() {
        outcomes.close();
    }

    @Test
    void enrichesALisbonTripWithOneSucceededCompletionAndProgressOnlyWhereDue() throws Exception {
        // given
        String tripId = newTripId();
        ProducerRecord<String, Object> request = new ProducerRecord<>(
                TopicNames.ENRICHMENT_REQUEST,
                tripId,
                EnrichmentRequested.of(
                        tripId,
                        TripRequests.to("Lisbon")
                                .interests(Interest.HISTORY, Interest.FOOD)
                                .build()));
        EventHeaders.replace(request.headers(), EventHeaders.REQUEST_ID, "req-lisbon");
        EventHeaders.replace(request.headers(), EventHeaders.TRACEPARENT, TRACEPARENT);

        // when
        send(request);

        // then
        List<ConsumerRecord<String, Object>> records =
                outcomes.awaitFor(tripId, seen -> completions(seen).size() == 1);
        // progress is throttled (itinera.kafka.progress.min-interval): a fast enrichment may report no step at all,
        // a slow one the steps it was in when the interval had passed, in order (TripEnricherTests: both cases)
        assertThat(progress(records))
                .extracting(StageProgress::step, StageProgress::percent)
                .doesNotHaveDuplicates()
                .isSubsetOf(
                        tuple("destination-resolved", 30), tuple("points-of-interest", 70), tuple("opening-hours", 95));
        assertThat(progress(records)).extracting(StageProgress::percent).isSorted();
        EnrichmentCompleted completed = completions(records).get(0);
        assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(completed.context()).isNotNull();
        assertThat(completed.context().destination().id()).isEqualTo("lisbon");
        assertThat(completed.context().days()).hasSize(3);
        assertThat(completed.context().pois()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(completed.context().warnings()).anyMatch(w -> w.endsWith("is closed on Monday 2027-05-10"));
        assertThat(records).allSatisfy(record -> {
            assertThat(EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID))
                    .contains("req-lisbon");
            assertThat(EventHeaders.read(record.headers(), EventHeaders.TRACEPARENT))
                    .as("the trace travels on in our own headers (Kafka observation is off in the workers)")
                    .contains(TRACEPARENT);
            assertThat(EventHeaders.read(record.headers(), EventHeaders.CE_SOURCE))
                    .contains("/itinera/api-enrichment");
        });
    }

    @Test
    void reportsAnUnknownDestinationAsAFailedCompletion() throws Exception {
        // given
        String tripId = newTripId();

        // when
        send(new ProducerRecord<>(
                TopicNames.ENRICHMENT_REQUEST,
                tripId,
                EnrichmentRequested.of(
                        tripId,
                        TripRequests.to("Atlantis")
                                .interests(Interest.HISTORY, Interest.FOOD)
                                .build())));

        // then
        List<ConsumerRecord<String, Object>> records =
                outcomes.awaitFor(tripId, seen -> !completions(seen).isEmpty());
        assertThat(progress(records)).isEmpty();
        assertThat(completions(records)).singleElement().satisfies(completed -> {
            assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(completed.failure()).isNotNull();
            assertThat(completed.failure().code()).isEqualTo("unknown-destination");
            assertThat(completed.failure().reason())
                    .startsWith("No destination matches 'Atlantis'. Known destinations include Lisbon, Porto");
        });
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsProcessing() throws Exception {
        // given
        String poisonKey = newTripId();
        String goodTripId = newTripId();
        double deadLettersBefore = deadLetters();

        // when
        send(new ProducerRecord<>(
                TopicNames.ENRICHMENT_REQUEST, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(
                TopicNames.ENRICHMENT_REQUEST,
                goodTripId,
                EnrichmentRequested.of(
                        goodTripId,
                        TripRequests.to("Porto")
                                .interests(Interest.HISTORY, Interest.FOOD)
                                .build())));

        // then
        try (TopicRecords<byte[]> deadLetters =
                TopicRecords.raw(bootstrapServers, Topics.deadLetter(TopicNames.ENRICHMENT_REQUEST))) {
            assertThat(deadLetters.awaitFor(poisonKey, seen -> !seen.isEmpty()))
                    .singleElement()
                    .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .isEqualTo("{not json"));
        }
        List<ConsumerRecord<String, Object>> records =
                outcomes.awaitFor(goodTripId, seen -> !completions(seen).isEmpty());
        assertThat(completions(records))
                .singleElement()
                .satisfies(completed -> assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(deadLetters()).isEqualTo(deadLettersBefore + 1);
    }

    @Test
    void aRequestTheSagaSentAgainIsDroppedOnceHandledAndHandledWhenTheFirstWasLost() throws Exception {
        // given: one trip enriched already, one whose first request never arrived (a lost commit dropped it)
        String handled = newTripId();
        String lost = newTripId();
        send(new ProducerRecord<>(TopicNames.ENRICHMENT_REQUEST, handled, lisbon(handled)));
        outcomes.awaitFor(handled, seen -> completions(seen).size() == 1);
        double droppedBefore = resentCount("dropped");

        // when: the saga sends both again
        send(sentAgain(handled));
        send(sentAgain(lost));

        // then: the lost one is enriched once; the handled one is not enriched twice
        await().atMost(Duration.ofSeconds(30)).until(() -> resentCount("dropped") == droppedBefore + 1);
        List<ConsumerRecord<String, Object>> records =
                outcomes.awaitFor(lost, seen -> completions(seen).size() == 1);
        assertThat(completions(records))
                .singleElement()
                .satisfies(completed -> assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(completions(outcomes.readToEnd().stream()
                        .filter(record -> handled.equals(record.key()))
                        .toList()))
                .hasSize(1);
    }

    private ProducerRecord<String, Object> sentAgain(String tripId) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(TopicNames.ENRICHMENT_REQUEST, tripId, lisbon(tripId));
        EventHeaders.replace(record.headers(), EventHeaders.RESENT, "true");
        return record;
    }

    private static EnrichmentRequested lisbon(String tripId) {
        return EnrichmentRequested.of(
                tripId, TripRequests.to("Lisbon").interests(Interest.HISTORY).build());
    }

    private double resentCount(String action) {
        var counter = meters.find(StageHandler.RESENT)
                .tag("stage", "enrichment")
                .tag("action", action)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sends as the saga does, in a transaction: the service's own template is transactional (exactly-once). */
    private void send(ProducerRecord<String, Object> record) throws Exception {
        kafka.executeInTransaction(operations -> operations.send(record)).get();
    }

    private double deadLetters() {
        var counter = meters.find(DeadLetters.COUNTER)
                .tag("topic", TopicNames.ENRICHMENT_REQUEST)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<StageProgress> progress(List<ConsumerRecord<String, Object>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(EnrichmentProgress.class::isInstance)
                .map(value -> ((EnrichmentProgress) value).progress())
                .toList();
    }

    private static List<EnrichmentCompleted> completions(List<ConsumerRecord<String, Object>> records) {
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(EnrichmentCompleted.class::isInstance)
                .map(EnrichmentCompleted.class::cast)
                .toList();
    }

    private static String newTripId() {
        return UUID.randomUUID().toString();
    }
}
