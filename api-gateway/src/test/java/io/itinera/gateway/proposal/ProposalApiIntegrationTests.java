package io.itinera.gateway.proposal;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.KEY_B;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Outcome;
import io.itinera.events.Topics;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.gateway.SharedGatewayIntegrationTest;
import io.itinera.gateway.WorkerEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** The proposal API on a real broker, with api-generation's events published by the test. */
class ProposalApiIntegrationTests extends SharedGatewayIntegrationTest {

    static final String BRIEF = """
            {"origin":"Lisbon","month":5,"tripDays":4,"interests":["art","food"],"budget":"MEDIUM",
             "maxTravelHours":3.5,"limit":2}""";

    @Test
    void aBriefBecomesRankedProposals() throws Exception {
        String id = post(KEY_A, BRIEF)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/proposals/[0-9a-f-]{36}")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        var stream = events(id).collectList().toFuture();

        WorkerEvents.publish(Topics.PROPOSAL_PROGRESS, ProposalProgress.of(id, "candidates-scored", 50, "12 cities"));
        // progress and completion travel on different topics: let the progress land first, as it would in practice
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> get(KEY_A, id).get("status").asString().equals("GENERATING"));
        WorkerEvents.publish(Topics.PROPOSAL_COMPLETED, completed(id));

        JsonNode ready = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> get(KEY_A, id),
                        proposal -> proposal.get("status").asString().equals("READY"));
        assertThat(ready.get("brief").get("origin").asString()).isEqualTo("Lisbon");
        assertThat(ready.get("proposals")
                        .valueStream()
                        .map(p -> p.get("destinationId").asString()))
                .containsExactly("porto", "madrid");
        assertThat(ready.get("proposals").get(0).get("breakdown").get("climate").asDouble())
                .isEqualTo(0.8);
        assertThat(stream.get(30, TimeUnit.SECONDS))
                .extracting(e -> e.data().get("status").asString())
                .containsExactly("PENDING", "GENERATING", "READY");
    }

    @Test
    void anotherClientCannotSeeTheProposals() {
        String id = post(KEY_A, BRIEF)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();

        web.get()
                .uri("/api/v1/proposals/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_B))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anInvalidBriefNamesEachField() {
        post(KEY_A, """
                        {"origin":"","month":13,"tripDays":0,"interests":[],"budget":"MEDIUM"}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains("origin", "month", "tripDays", "interests"));
    }

    private static ProposalCompleted completed(String id) {
        return new ProposalCompleted(
                1,
                UUID.randomUUID(),
                Instant.now(),
                id,
                Outcome.SUCCEEDED,
                List.of(
                        new DestinationProposal(
                                "porto", "Porto", "PT", 0.82, Map.of("climate", 0.8), List.of("A short hop away")),
                        new DestinationProposal(
                                "madrid", "Madrid", "ES", 0.74, Map.of("climate", 0.9), List.of("Great art museums"))),
                null);
    }

    @Test
    void retryingWithTheSameIdempotencyKeyReturnsTheOriginalProposal() {
        String first = postWithKey(KEY_A, "brief-1", BRIEF)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();

        postWithKey(KEY_A, "brief-1", BRIEF)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/v1/proposals/" + first)
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first);
        postWithKey(KEY_A, "brief-1", BRIEF.replace("\"month\":5", "\"month\":6"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/idempotency-key-reused");
        postWithKey(KEY_A, "bad key", BRIEF)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");
    }

    private WebTestClient.ResponseSpec post(String key, String body) {
        return web.post()
                .uri("/api/v1/proposals")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec postWithKey(String key, String idempotencyKey, String body) {
        return web.post()
                .uri("/api/v1/proposals")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode get(String key, String id) {
        return web.get()
                .uri("/api/v1/proposals/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private Flux<ServerSentEvent<JsonNode>> events(String id) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/v1/proposals/{id}/events", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody()
                .filter(event -> event.data() != null);
    }
}
