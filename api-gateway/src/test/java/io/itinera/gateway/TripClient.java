package io.itinera.gateway;

import static io.itinera.gateway.GatewayTestSupport.bearer;

import io.itinera.events.serde.EventJson;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A client of the public API, as a test uses it. */
public final class TripClient {

    private TripClient() {}

    /** Submits a trip and returns the answer, whatever it is. */
    public static WebTestClient.ResponseSpec submit(WebTestClient web, String key, String body) {
        return web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Submits a trip that must be accepted and returns its id. */
    public static String post(WebTestClient web, String key, String body) {
        return acceptedId(submit(web, key, body));
    }

    /** The id of accepted work, a trip or a proposal; fails unless the answer is {@code 202}. */
    public static String acceptedId(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    public static JsonNode get(WebTestClient web, String key, String id) {
        byte[] body = web.get()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(key))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return EventJson.mapper().readTree(body);
    }

    public static JsonNode awaitTerminal(WebTestClient web, String key, String id, Duration within) {
        return Awaitility.await("trip " + id + " finished")
                .atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get(web, key, id), trip -> {
                    String status = trip.get("status").asString();
                    return status.equals("READY") || status.equals("FAILED");
                });
    }
}
