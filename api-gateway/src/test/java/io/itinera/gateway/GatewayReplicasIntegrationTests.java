package io.itinera.gateway;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.TaskId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Gateway replicas share nothing but Kafka: a trip posted to one is served by another, each keeps the other's saga
 * tasks warm and takes them over when it leaves, and a replica that restarts still has every trip.
 */
class GatewayReplicasIntegrationTests {

    @BeforeAll
    static void startWorkers() {
        WorkerProcesses.start();
    }

    /**
     * One pair of replicas for the whole story (each replica's start is a Spring context, Streams and its restore:
     * three pairs cost the suite about 20 s of its 12 minutes).
     */
    @Test
    void replicasServeEachOthersTripsKeepEachOthersTasksWarmAndLoseNothingWhenOneRestarts() throws Exception {
        Map<GatewayReplica, Path> stateDirs = new HashMap<>();
        try (GatewayReplica a = start(stateDirs);
                GatewayReplica b = start(stateDirs)) {
            Set<TaskId> all = tasksSplitAndKeptWarm(a, b);

            idempotencyAndLiveEventsHoldAcrossReplicas(a, b);

            // a trip posted to one replica is followed to READY on the other
            LocalDate start = LocalDate.now().plusMonths(2);
            String id = TripClient.post(a.web(), KEY_A, """
                    {"destination":"Porto","startDate":"%s","endDate":"%s","travelers":2,
                     "interests":["food","history"],"pace":"RELAXED","budget":"LOW"}""".formatted(start, start.plusDays(1)));
            JsonNode seenByB = TripClient.awaitTerminal(b.web(), KEY_A, id, Duration.ofSeconds(45));
            assertThat(seenByB.get("status").asString()).isEqualTo("READY");

            // when: the replica that runs tasks stops (gracefully: it leaves the group)
            GatewayReplica leaving = a.activeTasks().isEmpty() ? b : a;
            GatewayReplica survivor = leaving == a ? b : a;
            leaving.close();

            // then: the other one runs every task (its HTTP server is gone with the first one's: in one JVM, replicas
            // share Reactor Netty's global resources, which a closing context disposes)
            Awaitility.await("the survivor runs every saga task")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        assertThat(survivor.activeTasks()).containsAll(all);
                        assertThat(survivor.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
                    });

            // and the replica that left comes back on its own state and serves the trip as it was
            try (GatewayReplica restarted = GatewayReplica.start(stateDirs.get(leaving))) {
                JsonNode seenAfterRestart = TripClient.get(restarted.web(), KEY_A, id);
                assertThat(seenAfterRestart.get("status").asString()).isEqualTo("READY");
                assertThat(seenAfterRestart.get("itinerary")).isEqualTo(seenByB.get("itinerary"));
            }
        }
    }

    private static GatewayReplica start(Map<GatewayReplica, Path> stateDirs) {
        Path stateDir = GatewayTestSupport.newStateDir();
        GatewayReplica replica = GatewayReplica.start(stateDir);
        stateDirs.put(replica, stateDir);
        return replica;
    }

    /** Every task of the saga runs on one replica and has a warm copy (a standby) on the other; returns them all. */
    private static Set<TaskId> tasksSplitAndKeptWarm(GatewayReplica a, GatewayReplica b) {
        Awaitility.await("each replica's saga tasks kept warm on the other")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    Set<TaskId> activeOnA = a.activeTasks();
                    Set<TaskId> activeOnB = b.activeTasks();
                    assertThat(activeOnA.size() + activeOnB.size()).isPositive();
                    assertThat(activeOnA).as("active on both").noneMatch(activeOnB::contains);
                    assertThat(b.standbyTasks().containsAll(activeOnA))
                            .as("b keeps a's tasks warm")
                            .isTrue();
                    assertThat(a.standbyTasks().containsAll(activeOnB))
                            .as("a keeps b's tasks warm")
                            .isTrue();
                });
        Set<TaskId> all = new HashSet<>(a.activeTasks());
        all.addAll(b.activeTasks());
        return all;
    }

    /** Idempotent POSTs, live events and erasure across the two replicas. */
    private static void idempotencyAndLiveEventsHoldAcrossReplicas(GatewayReplica a, GatewayReplica b) {
        LocalDate start = LocalDate.now().plusMonths(2);
        String body = """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":1,
                 "interests":["art"],"pace":"PACKED","budget":"HIGH"}""".formatted(start, start);
        String id = postWithKey(a.web(), "replicas-key", body)
                .getResponseBody()
                .get("id")
                .asString();

        // b streams a trip it never saw posted, from its own copy of the state
        List<ServerSentEvent<JsonNode>> events = b.web()
                .mutate()
                .responseTimeout(Duration.ofSeconds(45))
                .build()
                .get()
                .uri("/api/v1/trips/{id}/events", id)
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody()
                .filter(event -> event.data() != null)
                .collectList()
                .block(Duration.ofSeconds(45));
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).data().get("status").asString())
                .isEqualTo("READY");

        EntityExchangeResult<JsonNode> replayed = postWithKey(b.web(), "replicas-key", body);
        assertThat(replayed.getResponseBody().get("id").asString()).isEqualTo(id);
        assertThat(replayed.getResponseHeaders().getFirst("Idempotent-Replayed"))
                .isEqualTo("true");

        // one new key on both replicas at once: the saga keeps the first command, and each replica answers from
        // its verdict: the same body is one trip (one answer replayed), a different body is refused
        List<EntityExchangeResult<JsonNode>> same = atOnce(a, b, "replicas-same", body, body);
        assertThat(same).extracting(answer -> answer.getStatus().value()).containsOnly(202);
        assertThat(same)
                .extracting(answer -> answer.getResponseBody().get("id").asString())
                .containsOnly(same.get(0).getResponseBody().get("id").asString());
        assertThat(same)
                .extracting(answer -> answer.getResponseHeaders().getFirst("Idempotent-Replayed"))
                .containsExactlyInAnyOrder("true", null);
        String other = body.replace("\"PACKED\"", "\"RELAXED\"");
        assertThat(atOnce(a, b, "replicas-different", body, other))
                .extracting(answer -> answer.getStatus().value())
                .containsExactlyInAnyOrder(202, 422);

        // erased through b, gone from a as well
        erase(b.web(), KEY_B, id).expectStatus().isNotFound();
        erase(b.web(), KEY_A, id).expectStatus().isNoContent();
        Awaitility.await("the erasure reaches replica a")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> a.web()
                        .get()
                        .uri("/api/v1/trips/{id}", id)
                        .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                        .exchange()
                        .expectStatus()
                        .isNotFound());
        assertThat(a.web()
                        .get()
                        .uri("/api/v1/trips")
                        .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .doesNotContain(id);
    }

    /** The same Idempotency-Key sent to both replicas at once, each with its own body. */
    private static List<EntityExchangeResult<JsonNode>> atOnce(
            GatewayReplica a, GatewayReplica b, String key, String bodyToA, String bodyToB) {
        CompletableFuture<EntityExchangeResult<JsonNode>> toA =
                CompletableFuture.supplyAsync(() -> postAnyWithKey(a.web(), key, bodyToA));
        CompletableFuture<EntityExchangeResult<JsonNode>> toB =
                CompletableFuture.supplyAsync(() -> postAnyWithKey(b.web(), key, bodyToB));
        return List.of(toA.join(), toB.join());
    }

    private static WebTestClient.ResponseSpec erase(WebTestClient web, String key, String id) {
        return web.delete()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(key))
                .exchange();
    }

    private static EntityExchangeResult<JsonNode> postWithKey(WebTestClient web, String key, String body) {
        EntityExchangeResult<JsonNode> answer = postAnyWithKey(web, key, body);
        assertThat(answer.getStatus().value()).isEqualTo(202);
        return answer;
    }

    private static EntityExchangeResult<JsonNode> postAnyWithKey(WebTestClient web, String key, String body) {
        return web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, GatewayTestSupport.bearer(KEY_A))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }
}
