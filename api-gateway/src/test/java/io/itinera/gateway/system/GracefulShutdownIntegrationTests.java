package io.itinera.gateway.system;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Topics;
import io.itinera.gateway.GatewayReplica;
import io.itinera.gateway.GatewayTestSupport;
import io.itinera.kafka.KafkaTestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A replica's start and stop. Its saga starts although its topics appear late or its broker lost data its state
 * directory has seen (see {@link StreamsStartup}). A replica told to stop (SIGTERM closes the application context)
 * under steady POSTs: it stops taking traffic and drains what it has before it closes Kafka Streams and its producers,
 * so no request in flight is answered with a 5xx. Requests that arrive once it has stopped listening are refused at
 * the connection, which a load balancer retries elsewhere. An open event stream ends cleanly with a {@code retry:}
 * hint instead of holding the shutdown.
 */
class GracefulShutdownIntegrationTests {

    private static final int CLIENTS = 4;

    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A replica's start on run-local.sh's fresh machine. Its first start: the gateway and the workers declare the same
     * topics at once on an empty broker, and a topic created a moment too late failed the global store's start ("no
     * partitions available for topic travel-trips.state"). Then the broker's data is deleted but not the gateway's
     * state directory (here: another, empty broker): the global store's checkpoint lies past its topic's end, and the
     * global thread stopped the client. The saga's topology is started as the application starts it, without a context.
     */
    @Test
    void theSagaStartsWhenItsTopicsAppearLateAndAgainAfterTheBrokerLostItsData() throws Exception {
        Path stateDir = GatewayTestSupport.newStateDir();
        GlobalState global;
        try (KafkaTestBroker.StartedBroker fresh = KafkaTestBroker.startAnother()) {
            SagaStreams first = new SagaStreams(fresh.bootstrapServers(), stateDir, WAIT);

            CompletableFuture<Void> started = CompletableFuture.runAsync(first.startup::start);
            // the start holds, neither failing nor starting Streams, until the topics appear
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(WAIT)
                    .until(() -> !started.isDone() && first.factory.getKafkaStreams() == null);
            SagaStreams.createTopics(fresh.bootstrapServers(), Topics.usedBy("api-gateway"));
            SagaStreams.tombstones(fresh.bootstrapServers(), 5);

            started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Awaitility.await().atMost(WAIT).until(() -> first.state() == KafkaStreams.State.RUNNING);
            first.stop();
            global = GlobalState.of(first.factory.getStreamsConfiguration());
        }
        assertThat(global.checkpoints()).containsValue(5L);

        try (KafkaTestBroker.StartedBroker empty = KafkaTestBroker.startAnother()) {
            SagaStreams.createTopics(empty.bootstrapServers(), Topics.usedBy("api-gateway"));
            SagaStreams after = new SagaStreams(empty.bootstrapServers(), stateDir, WAIT);

            after.startup.start();

            Awaitility.await()
                    .atMost(WAIT)
                    .during(Duration.ofSeconds(1))
                    .until(() -> after.state() == KafkaStreams.State.RUNNING);
            assertThat(global.checkpoints()).doesNotContainValue(5L);
            after.stop();
        }
    }

    @Test
    void aReplicaStoppingUnderLoadAnswersNoRequestWithA5xxAndEndsItsEventStreams() throws Exception {
        GatewayReplica replica = GatewayReplica.start(GatewayTestSupport.newStateDir());
        String port = replica.context().getEnvironment().getRequiredProperty("local.server.port");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CompletableFuture<HttpResponse<String>> stream;
        try {
            // given a client following a trip that will not end (no workers run here)
            HttpResponse<Void> accepted = http.send(postTrip(port), HttpResponse.BodyHandlers.discarding());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            Awaitility.await("trip readable")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> http.send(
                                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + location))
                                                    .header("Authorization", GatewayTestSupport.bearer(KEY_A))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
            stream = http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + location + "/events"))
                            .header("Authorization", GatewayTestSupport.bearer(KEY_A))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // given clients that keep posting trips
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> post(http, port, statuses, stopped));
            }
            Awaitility.await("trips accepted under load")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> statuses.size() >= 20);

            // when the replica is told to stop while they keep posting
            replica.close();
            stopped.set(true);
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        // then every answer it gave was an answer, not an error of its own
        List<Integer> answered = List.copyOf(statuses);
        assertThat(answered)
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(status -> assertThat(status)
                        .as("status of a POST while the replica stopped")
                        .isLessThan(500));
        assertThat(answered).contains(202);
        // and the event stream ended, its last event a hint to reconnect elsewhere
        HttpResponse<String> events = stream.get(5, TimeUnit.SECONDS);
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:status", "retry:1000");
    }

    private static HttpRequest postTrip(String port) {
        LocalDate start = LocalDate.now().plusMonths(2);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/trips"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", GatewayTestSupport.bearer(KEY_A))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"destination":"Porto","startDate":"%s","endDate":"%s","travelers":1,
                         "interests":["food"],"pace":"RELAXED","budget":"LOW"}""".formatted(start, start)))
                .build();
    }

    /** Posts until told to stop or the replica no longer listens (no answer, not an error answer). */
    private static void post(
            HttpClient http, String port, ConcurrentLinkedQueue<Integer> statuses, AtomicBoolean stopped) {
        HttpRequest request = postTrip(port);
        while (!stopped.get()) {
            try {
                statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            } catch (IOException noLongerListening) {
                // refused or closed: the replica has stopped listening, a load balancer goes to another one
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
