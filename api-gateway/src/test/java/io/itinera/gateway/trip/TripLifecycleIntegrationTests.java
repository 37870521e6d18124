package io.itinera.gateway.trip;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.KEY_B;
import static io.itinera.gateway.GatewayTestSupport.KEY_D;
import static io.itinera.gateway.GatewayTestSupport.KEY_E;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.SampleEvents;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.trip.ContextSummary;
import io.itinera.gateway.SharedGatewayIntegrationTest;
import io.itinera.gateway.TestTokens;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.WorkerEvents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trip's whole life through the public API, with the workers' events published by the test on the real broker:
 * live events and their resumption, cancellation, listing, and idempotent submission.
 */
class TripLifecycleIntegrationTests extends SharedGatewayIntegrationTest {

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    static String body(String destination, int offsetDays) {
        LocalDate start = LocalDate.now().plusMonths(2).plusDays(offsetDays);
        return """
                {"destination":"%s","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture","food"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(destination, start, start.plusDays(1));
    }

    @Test
    void liveEventsFollowTheTripToReadyAndEnd() throws Exception {
        String id = TripClient.post(web, KEY_A, body("Lisbon", 0));
        CompletableFuture<List<ServerSentEvent<JsonNode>>> stream =
                events(id, null).collectList().toFuture();

        driveToReady(id);

        List<ServerSentEvent<JsonNode>> events = stream.get(30, TimeUnit.SECONDS);
        assertThat(events).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4", "5");
        assertThat(events)
                .extracting(ServerSentEvent::event)
                .containsExactly("status", "status", "status", "progress", "status");
        assertThat(events)
                .extracting(e -> e.data().get("status").asString())
                .containsExactly("PENDING", "ENRICHING", "GENERATING", "GENERATING", "READY");
    }

    @Test
    void liveEventsResumeAfterTheLastEventId() throws Exception {
        String id = TripClient.post(web, KEY_A, body("Lisbon", 1));
        driveToReady(id);
        TripClient.awaitTerminal(web, KEY_A, id, Duration.ofSeconds(20));

        List<ServerSentEvent<JsonNode>> rest =
                events(id, "3").collectList().toFuture().get(30, TimeUnit.SECONDS);

        assertThat(rest).extracting(ServerSentEvent::id).containsExactly("4", "5");
    }

    @Test
    void aReadyTripShowsContextAndItineraryExactlyAsTheyWereTypedBefore() {
        String id = TripClient.post(web, KEY_A, body("Lisbon", 10));
        driveToReady(id);
        TripClient.awaitTerminal(web, KEY_A, id, Duration.ofSeconds(20));

        String body = web.get()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // The saga forwards both as raw JSON; the API's own mapper would have written the records exactly so.
        assertThat(body)
                .contains("\"context\":" + json.writeValueAsString(ContextSummary.of(SampleEvents.context())))
                .contains("\"itinerary\":" + json.writeValueAsString(SampleEvents.itinerary()));
    }

    @Test
    void anotherClientCannotFollowTheTrip() {
        String id = TripClient.post(web, KEY_A, body("Lisbon", 2));

        web.get()
                .uri("/api/v1/trips/{id}/events", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_B))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void cancellingStopsTheTripAndLateResultsAreIgnored() {
        String id = TripClient.post(web, KEY_A, body("Porto", 3));

        delete(KEY_B, id).expectStatus().isNotFound();
        delete(KEY_A, id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        WorkerEvents.publish(Topics.ENRICHMENT_COMPLETED, EnrichmentCompleted.succeeded(id, SampleEvents.context()));

        JsonNode trip = TripClient.get(web, KEY_A, id);
        assertThat(trip.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(trip.get("context")).isNull();

        // a trip that ended is erased by the next DELETE
        delete(KEY_B, id).expectStatus().isNotFound();
        delete(KEY_A, id).expectStatus().isNoContent();
        web.get()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isNotFound();
        delete(KEY_A, id).expectStatus().isNotFound();
    }

    @Test
    void listsOnlyTheCallersTripsNewestFirstPageByPage() {
        // a client of its own: the classes sharing this gateway leave trips of the test keys' clients behind
        String lister = TestTokens.forClient("lister-" + UUID.randomUUID());
        String first = TripClient.post(web, lister, body("Rome", 4));
        String second = TripClient.post(web, lister, body("Paris", 5));
        String third = TripClient.post(web, lister, body("Amsterdam", 6));
        TripClient.post(web, KEY_A, body("Barcelona", 7));

        JsonNode page1 = list(lister, "?limit=2");
        assertThat(page1.get("data").valueStream().map(t -> t.get("id").asString()))
                .containsExactly(third, second);
        String cursor = page1.get("nextCursor").asString();
        JsonNode page2 = list(lister, "?limit=2&cursor=" + cursor);
        assertThat(page2.get("data").valueStream().map(t -> t.get("id").asString()))
                .containsExactly(first);
        assertThat(page2.get("nextCursor")).isNull();
        assertThat(list(lister, "?status=READY").get("data").isEmpty()).isTrue();
        assertThat(list(lister, "?status=PENDING").get("data").size()).isEqualTo(3);
    }

    @Test
    void listRejectsABadLimitOrCursor() {
        web.get()
                .uri("/api/v1/trips?limit=0")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        web.get()
                .uri("/api/v1/trips?cursor=not-a-cursor")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnTheOriginalTrip() {
        String body = body("Lisbon", 8);
        String first = postWithKey(KEY_A, "key-1", body)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();

        postWithKey(KEY_A, "key-1", body)
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/v1/trips/" + first)
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first);
        // the same key belongs to each client separately
        String other = postWithKey(KEY_B, "key-1", body)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRejected() {
        postWithKey(KEY_A, "key-2", body("Lisbon", 9)).expectStatus().isAccepted();

        postWithKey(KEY_A, "key-2", body("Porto", 9))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/idempotency-key-reused");
    }

    /**
     * Publishes what the workers would, one event at a time: progress and completion travel on different topics, so
     * without waiting the saga could see a completion before the progress that preceded it (and rightly ignore the
     * late progress), which would make the expected history depend on timing.
     */
    private void driveToReady(String id) {
        awaitHistory(id, 1);
        WorkerEvents.publish(
                Topics.ENRICHMENT_PROGRESS, EnrichmentProgress.of(id, "destination-resolved", 30, "Lisbon"));
        awaitHistory(id, 2);
        WorkerEvents.publish(Topics.ENRICHMENT_COMPLETED, EnrichmentCompleted.succeeded(id, SampleEvents.context()));
        awaitHistory(id, 3);
        WorkerEvents.publish(Topics.GENERATION_PROGRESS, GenerationProgress.of(id, "day-planned", 100, "1 stop"));
        awaitHistory(id, 4);
        WorkerEvents.publish(Topics.GENERATION_COMPLETED, GenerationCompleted.succeeded(id, SampleEvents.itinerary()));
    }

    private void awaitHistory(String id, int entries) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> TripClient.get(web, KEY_A, id).get("progress").size() >= entries);
    }

    private Flux<ServerSentEvent<JsonNode>> events(String id, String lastEventId) {
        WebTestClient.RequestHeadersSpec<?> request = web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/v1/trips/{id}/events", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody()
                .filter(event -> event.data() != null);
    }

    @Test
    void aClientsOpenTripsAndLiveStreamsAreCapped() {
        // client-d may have two open trips and one stream (application-test.yml)
        String first = TripClient.post(web, KEY_D, body("Lisbon", 0));
        String second = TripClient.post(web, KEY_D, body("Porto", 0));
        Awaitility.await("both trips indexed")
                .atMost(Duration.ofSeconds(20))
                .until(() -> list(KEY_D, "?status=PENDING").get("data").size() == 2);

        expectTooMany(TripClient.submit(web, KEY_D, body("Faro", 0)), "/problems/too-many-open-trips");
        delete(KEY_D, first).expectStatus().isOk();
        TripClient.post(web, KEY_D, body("Faro", 0));

        Disposable following = follow(KEY_D, second)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .subscribe();
        expectTooMany(follow(KEY_D, second), "/problems/too-many-streams");
        following.dispose();
        Awaitility.await("the closed stream no longer counted")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> follow(KEY_D, second)
                        .expectStatus()
                        .isOk()
                        .returnResult(String.class)
                        .getResponseBody()
                        .subscribe()
                        .dispose());
    }

    @Test
    void aConcurrentBurstCannotPassTheOpenTripCap() {
        // client-e may have five open trips (application-test.yml); twenty POSTs at once, none folded by the saga yet
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(
                        i -> client.post()
                                .uri("/api/v1/trips")
                                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_E))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body("Lisbon", i))
                                .exchangeToMono(answer -> answer.releaseBody()
                                        .thenReturn(answer.statusCode().value())),
                        20)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
        Awaitility.await("the accepted trips folded")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        list(KEY_E, "?status=PENDING&limit=100").get("data").size() == 5);
        expectTooMany(TripClient.submit(web, KEY_E, body("Porto", 0)), "/problems/too-many-open-trips");
    }

    private static void expectTooMany(WebTestClient.ResponseSpec response, String type) {
        response.expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(type);
    }

    private WebTestClient.ResponseSpec follow(String key, String id) {
        return web.get()
                .uri("/api/v1/trips/{id}/events", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String key, String id) {
        return web.delete()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange();
    }

    private JsonNode list(String key, String query) {
        return web.get()
                .uri("/api/v1/trips" + query)
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec postWithKey(String key, String idempotencyKey, String body) {
        return web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
