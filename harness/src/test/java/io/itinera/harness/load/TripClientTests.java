package io.itinera.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against two real HTTP replicas on loopback: one that dies with the POST in hand (closes the connection
 * without an answer), one that answers; what the client sends again, and where.
 */
class TripClientTests {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> keysSeenByDying = new CopyOnWriteArrayList<>();
    private final List<String> keysSeenByAlive = new CopyOnWriteArrayList<>();
    private final AtomicInteger alivePosts = new AtomicInteger();
    private volatile String tripView = "{\"id\":\"trip-1\",\"status\":\"READY\"}";
    private final HttpServer dying = server(exchange -> {
        keysSeenByDying.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        exchange.getRequestBody().readAllBytes();
        exchange.close(); // no answer: the connection just ends, as when the replica is killed
    });
    private final HttpServer alive = server(this::answer);
    private final List<String> keysSeenByRefusing = new CopyOnWriteArrayList<>();
    private final HttpServer refusing = server(exchange -> {
        keysSeenByRefusing.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(exchange, 503, "{\"type\":\"/problems/broker-unavailable\"}");
    });

    @AfterEach
    void stop() {
        timer.shutdownNow();
        dying.stop(0);
        alive.stop(0);
        refusing.stop(0);
    }

    @Test
    void aPostCutOffByADyingReplicaIsSentAgainToTheOtherWithTheSameKey() {
        TripClient client = client(TripClient.Retries.KEYED, dying);

        TripRun run = postOnce(client);

        assertThat(run.error).isNull();
        assertThat(run.ready()).isTrue();
        assertThat(run.id).isEqualTo("trip-1");
        // the replica that answered first said "in flight" (409), and was asked again after its Retry-After
        assertThat(alivePosts).hasValue(2);
        assertThat(keysSeenByDying).hasSize(1);
        assertThat(keysSeenByAlive).hasSize(2).containsOnly(keysSeenByDying.get(0));
        assertThat(keysSeenByDying.get(0)).isNotEqualTo("null");
        assertThat(client.errors()).containsKeys("post:retried-after:EOFException", "post:409-asked-again");
    }

    @Test
    void withoutAKeyABrokenPostIsAnErrorAndNotSentAgain() {
        TripClient client = client(TripClient.Retries.UNKEYED, dying);

        TripRun run = postOnce(client);

        assertThat(run.error).isEqualTo("post:io:EOFException");
        assertThat(run.accepted()).isFalse();
        assertThat(keysSeenByDying).containsExactly("null");
        assertThat(alivePosts).hasValue(0);
    }

    @Test
    void aRefusalIsAskedAgainAfterItsRetryAfterAtTheNextReplicaWithTheSameKeyWhenTheClientIsTold() {
        TripClient client = client(TripClient.Retries.KEYED_AND_REFUSALS, refusing);

        TripRun run = postOnce(client);

        assertThat(run.error).isNull();
        assertThat(run.ready()).isTrue();
        assertThat(run.firstRefusal).isEqualTo("post:503 /problems/broker-unavailable");
        assertThat(keysSeenByRefusing).hasSize(1);
        assertThat(keysSeenByAlive).hasSize(2).containsOnly(keysSeenByRefusing.get(0));
        assertThat(client.errors()).containsKeys("post:503-asked-again", "post:409-asked-again");
    }

    @Test
    void aRefusalEndsThePostWhenTheClientIsNotToldToAskAgain() {
        TripClient client = client(TripClient.Retries.KEYED, refusing);

        TripRun run = postOnce(client);

        assertThat(run.error).isEqualTo("post:503 /problems/broker-unavailable");
        assertThat(run.firstRefusal).isNull();
        assertThat(alivePosts).hasValue(0);
    }

    @Test
    void aFailedTripKeepsItsProblemTypeAndAReadyOneHasNone() {
        tripView =
                "{\"id\":\"trip-1\",\"status\":\"FAILED\",\"error\":{\"title\":\"x\",\"type\":\"/problems/unknown-destination\"}}";
        TripRun failed = postOnce(client(TripClient.Retries.KEYED, alive));

        assertThat(failed.finalStatus).isEqualTo("FAILED");
        assertThat(failed.failureType).isEqualTo("/problems/unknown-destination");

        // a READY trip's view is not searched for an error (the gateway sends none; the search would read the
        // itinerary)
        tripView = "{\"id\":\"trip-1\",\"status\":\"READY\",\"error\":{\"type\":\"/problems/unknown-destination\"}}";
        TripRun ready = postOnce(client(TripClient.Retries.KEYED, alive));

        assertThat(ready.finalStatus).isEqualTo("READY");
        assertThat(ready.failureType).isNull();
    }

    @Test
    void onlyWhatSentNothingIsResentWithoutAKey() {
        assertThat(TripClient.safeToResend("ConnectException", false)).isTrue();
        assertThat(TripClient.safeToResend("ClosedChannelException", false)).isFalse();
        assertThat(TripClient.safeToResend("ClosedChannelException", true)).isTrue();
        assertThat(TripClient.safeToResend("HttpTimeoutException", true)).isFalse();
    }

    /** One trip's POST, followed until the client is done with it. */
    private static TripRun postOnce(TripClient client) {
        TripRun run = new TripRun(0, true, System.nanoTime(), 1);
        client.start(run, "{}");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> run.done);
        return run;
    }

    private TripClient client(TripClient.Retries retries, HttpServer first) {
        // the failing replica first: the round-robin starts there
        return new TripClient(
                http,
                timer,
                List.of(uri(first), uri(alive)),
                "key",
                TripClient.Follow.POLL,
                Duration.ofMillis(50),
                Duration.ofSeconds(10),
                retries);
    }

    /** The answering replica: {@code 409} in flight for the first POST, {@code 202} after; the trip READY. */
    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("POST")) {
            keysSeenByAlive.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            if (alivePosts.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 409, "{\"type\":\"/problems/idempotency-request-in-flight\"}");
                return;
            }
            exchange.getResponseHeaders().add("Location", "/api/v1/trips/trip-1");
            send(exchange, 202, "{\"id\":\"trip-1\"}");
            return;
        }
        send(exchange, 200, tripView);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
