package io.itinera.gateway.trip;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.EventHeaders;
import io.itinera.events.Failure;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.serde.EventSerializer;
import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.saga.TripIndex;
import io.itinera.kafka.KafkaTestBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * Admission and idempotency verdicts with no workers running: with room for two trips' work (a 3 s target less a 1 s
 * margin, at the minimum rate of one trip per second), POST refuses the third with 503 and Retry-After (before
 * authentication and before reading the body), and every trip it accepted is in the saga's hands; with no time to
 * wait for the saga (1 ms), a POST with an Idempotency-Key answers 409 instead of guessing, and its retry gets the
 * saga's verdict.
 */
@TestPropertySource(
        properties = {
            "gateway.admission.target=3s",
            "gateway.admission.margin=1s",
            "gateway.admission.min-rate=1",
            "gateway.trips.accept-wait=1ms",
        })
class AdmissionIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    TripIndex index;

    @Autowired
    MeterRegistry meters;

    /** Every test class shares the broker, and so its open trips: end them all, as workers would. */
    @BeforeEach
    void finishEveryOpenTrip() {
        Set<String> finished = new HashSet<>();
        Awaitility.await("no open trips")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    // a trip accepted a moment ago may reach the read model only now
                    Set<String> open = new HashSet<>(index.openTripIds());
                    open.removeAll(finished);
                    finish(open);
                    finished.addAll(open);
                    return index.openTrips() == 0;
                });
    }

    @Test
    void beyondTheTargetPostAnswers503WithRetryAfterAndLosesNothingItAccepted() {
        List<String> accepted = new ArrayList<>();
        EntityExchangeResult<JsonNode> refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            EntityExchangeResult<JsonNode> answer = post(body(i), null);
            if (answer.getStatus().value() == 202) {
                accepted.add(answer.getResponseBody().get("id").asString());
            } else {
                refused = answer;
            }
        }

        assertThat(accepted).hasSizeGreaterThanOrEqualTo(2);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(refused.getResponseBody().get("type").asString()).isEqualTo("/problems/overloaded");
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isPositive();
        assertThat(meters.get(TripAdmission.REJECTED).counter().count()).isGreaterThanOrEqualTo(1);
        // refused before authentication and before the body is read: no key and a broken body are 503 too, not
        // 401 or 400, and so is a proposal
        for (String path : List.of("/api/v1/trips", "/api/v1/proposals")) {
            web.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{not json")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/overloaded");
        }
        // nothing accepted is lost: the saga has every accepted trip, and no refused one
        Awaitility.await("accepted trips in the saga's hands")
                .atMost(Duration.ofSeconds(30))
                .until(() -> index.openTripIds().containsAll(accepted));
        assertThat(index.openTrips()).isEqualTo(accepted.size());
        for (String id : accepted) {
            assertThat(TripClient.get(web, KEY_A, id).get("status").asString()).isEqualTo("PENDING");
        }

        // once the backlog is worked off, trips are admitted again
        finish(accepted);
        Awaitility.await("backlog worked off").atMost(Duration.ofSeconds(30)).until(index::openTrips, n -> n == 0);
        EntityExchangeResult<JsonNode> admitted = post(body(60), null);
        assertThat(admitted.getStatus().value()).isEqualTo(202);
        String id = admitted.getResponseBody().get("id").asString();
        Awaitility.await("admitted trip in the saga's hands")
                .atMost(Duration.ofSeconds(30))
                .until(() -> index.openTripIds().contains(id));
        finish(List.of(id));
    }

    @Test
    void aRetryOfARequestThatCreatedATripGetsItsAnswerHoweverBusyTheSuiteIs() {
        // given: a trip created with a key (its first answer a 409: no time to wait for the saga here)
        String key = "admission-retry";
        Awaitility.await("the keyed trip created")
                .atMost(Duration.ofSeconds(30))
                .until(() -> post(body(80), key), answer -> answer.getStatus().value() == 202);

        // when: the suite is overloaded
        Awaitility.await("overloaded")
                .atMost(Duration.ofSeconds(30))
                .until(() -> post(body(81), null), answer -> answer.getStatus().value() == 503);

        // then: the same request again is answered from its trip, and only a new key is refused
        EntityExchangeResult<JsonNode> retried = post(body(80), key);
        assertThat(retried.getStatus().value()).isEqualTo(202);
        assertThat(retried.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        EntityExchangeResult<JsonNode> fresh = post(body(82), "admission-new-key");
        assertThat(fresh.getStatus().value()).isEqualTo(503);
        assertThat(fresh.getResponseBody().get("type").asString()).isEqualTo("/problems/overloaded");
    }

    @Test
    void anIdempotentRequestWithoutAVerdictYetIs409AndItsRetryGetsTheSagasVerdict() {
        String key = "admission-verdict";
        EntityExchangeResult<JsonNode> first = post(body(70), key);

        assertThat(first.getStatus().value()).isEqualTo(409);
        assertThat(first.getResponseBody().get("type").asString()).isEqualTo("/problems/idempotency-request-in-flight");
        assertThat(first.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        EntityExchangeResult<JsonNode> retried = Awaitility.await("the saga's verdict")
                .atMost(Duration.ofSeconds(30))
                .until(() -> post(body(70), key), answer -> answer.getStatus().value() == 202);
        assertThat(retried.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(post(body(71), key).getStatus().value()).isEqualTo(422);
    }

    private EntityExchangeResult<JsonNode> post(String body, String idempotencyKey) {
        return web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private static String body(int offsetDays) {
        LocalDate start = LocalDate.now().plusMonths(3).plusDays(offsetDays);
        return """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(1));
    }

    /** What a worker that gives up reports: the trip ends FAILED whichever stage it is in. */
    private static void finish(Collection<String> tripIds) {
        Failure failure = new Failure("processing-failed", "ended by the test");
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EventSerializer<>())) {
            for (String id : tripIds) {
                send(producer, Topics.ENRICHMENT_COMPLETED.name(), EnrichmentCompleted.failed(id, failure));
                send(producer, Topics.GENERATION_COMPLETED.name(), GenerationCompleted.failed(id, failure));
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, io.itinera.events.Event event) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.key(), event);
        EventHeaders.stamp(record.headers(), event, "test-worker");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
