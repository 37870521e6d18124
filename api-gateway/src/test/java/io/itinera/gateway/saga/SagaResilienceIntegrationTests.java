package io.itinera.gateway.saga;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.kafka.DeadLetterReplay;
import io.itinera.events.kafka.DeadLetters;
import io.itinera.gateway.GatewayApplication;
import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.GatewayTestSupport;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.WorkerEvents;
import io.itinera.kafka.KafkaTestBroker;
import io.itinera.kafka.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * No single record stops the saga: poison records on every input and on the state topic are set aside in their
 * dead-letter topics, with their original bytes and their cause, and counted, while trips keep moving. And every trip
 * ends: with no worker running here, a trip fails at its stage deadline (10 s for PENDING in this class), and so does a
 * proposal.
 */
@TestPropertySource(
        properties = {
            "gateway.trips.deadlines.pending=10s",
            "gateway.trips.deadlines.scan-interval=1s",
            "gateway.proposals.deadlines.pending=10s",
            "gateway.proposals.deadlines.scan-interval=1s"
        })
class SagaResilienceIntegrationTests extends GatewayIntegrationTest {

    private static final byte[] UNPARSEABLE = "{not json".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MeterRegistry meters;

    /** Patient with a shared, busy machine: the default 5 s can be too short for the first POST. */
    private WebTestClient client() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String body(int offsetDays) {
        LocalDate start = LocalDate.now().plusMonths(2).plusDays(offsetDays);
        return """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(1));
    }

    @Test
    void poisonRecordsAreDeadLetteredAndCountedWhileTheSagaKeepsRunningAndCanBeReplayed() throws Exception {
        String live = TripClient.post(client(), KEY_A, body(0));
        List<String> topics = new ArrayList<>(SagaTopology.TRIP_INPUTS);
        topics.add(Topics.TRIP_STATE.name());

        for (String topic : topics) {
            sendRaw(topic, live, UNPARSEABLE);
            sendRaw(topic, live, WRONG);
        }

        String later = TripClient.post(client(), KEY_A, body(1));
        WorkerEvents.publish(Topics.ENRICHMENT_PROGRESS, EnrichmentProgress.of(later, "catalog", 10, "Reading"));
        awaitStatus(later, "ENRICHING");
        for (String topic : topics) {
            List<ConsumerRecord<String, byte[]>> letters = deadLetters(topic, live);
            assertThat(letters)
                    .as("dead letters of %s", topic)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder(UNPARSEABLE, WRONG);
            assertThat(letters)
                    .allSatisfy(letter -> assertThat(letter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN))
                            .isNotNull());
            assertThat(meters.get(DeadLetters.COUNTER)
                            .tag("topic", topic)
                            .counter()
                            .count())
                    .as("dead letters counted for %s", topic)
                    .isEqualTo(2);
        }

        // replayed as the runbook says, with the gateway's jar: back on their topic, and set aside again
        String commands = SagaTopology.TRIP_INPUTS.get(0);
        GatewayApplication.main(new String[] {
            DeadLetterReplay.COMMAND,
            "--bootstrap-servers",
            KafkaTestBroker.bootstrapServers(),
            "--topic",
            Topics.deadLetter(commands)
        });
        try (TopicRecords<byte[]> records =
                TopicRecords.raw(KafkaTestBroker.bootstrapServers(), Topics.deadLetter(commands))) {
            assertThat(records.awaitFor(live, found -> found.size() >= 4))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder(UNPARSEABLE, WRONG, UNPARSEABLE, WRONG);
        }
    }

    @Test
    void aTripWhoseWorkerIsDownFailsAtItsStageDeadline() {
        String id = TripClient.post(client(), KEY_A, body(2));

        JsonNode trip = Awaitility.await("trip " + id + " timed out")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> TripClient.get(client(), KEY_A, id),
                        found -> found.get("status").asString().equals("FAILED"));

        assertThat(trip.get("error").get("type").asString()).isEqualTo("/problems/stage-timeout");
        assertThat(trip.get("error").get("detail").asString()).contains("PENDING");
        assertThat(trip.get("progress")
                        .valueStream()
                        .map(entry -> entry.get("step").asString()))
                .endsWith("timed-out");
        assertThat(meters.get("itinera.trips.timed.out")
                        .tag("stage", "pending")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aProposalWhoseWorkerIsDownFailsAtItsStageDeadline() {
        String id = TripClient.acceptedId(client().post()
                .uri("/api/v1/proposals")
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"origin":"Lisbon","month":5,"tripDays":4,"interests":["art"],"budget":"MEDIUM",
                         "maxTravelHours":3.5,"limit":2}""")
                .exchange());

        JsonNode proposal = Awaitility.await("proposal " + id + " timed out")
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions() // 404 until the saga has written its first snapshot
                .until(
                        () -> getProposal(id),
                        found -> found.get("status").asString().equals("FAILED"));

        assertThat(proposal.get("error").get("type").asString()).isEqualTo("/problems/stage-timeout");
        assertThat(proposal.get("error").get("detail").asString()).contains("PENDING");
        assertThat(meters.get("itinera.proposals.timed.out")
                        .tag("stage", "pending")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private JsonNode getProposal(String id) {
        return client().get()
                .uri("/api/v1/proposals/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await("trip " + id + " " + status)
                .atMost(Duration.ofSeconds(60))
                .until(() -> TripClient.get(client(), KEY_A, id).get("status").asString(), status::equals);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String key) {
        try (TopicRecords<byte[]> records =
                TopicRecords.raw(KafkaTestBroker.bootstrapServers(), Topics.deadLetter(topic))) {
            return records.awaitFor(key, found -> found.size() >= 2);
        }
    }

    private static void sendRaw(String topic, String key, byte[] value) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
