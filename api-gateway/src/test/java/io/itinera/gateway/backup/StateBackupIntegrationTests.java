package io.itinera.gateway.backup;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.SampleEvents;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.GatewayReplica;
import io.itinera.gateway.GatewayTestSupport;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.WorkerEvents;
import io.itinera.kafka.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The only copy of trip state survives the loss of the broker's disk: exported from a running cluster, restored into
 * an empty one, every trip is served with the same content, and the saga carries on with trips that were in flight.
 */
class StateBackupIntegrationTests extends GatewayIntegrationTest {

    @TempDir
    Path workDir;

    @Test
    void aRestoredClusterServesEveryTripAsBeforeAndTheSagaCarriesOn() throws Exception {
        WebTestClient api = patient(web);
        String ready = TripClient.post(api, KEY_A, body("Lisbon", 11));
        String inFlight = TripClient.post(api, KEY_A, body("Porto", 12));
        awaitStatus(api, ready, "PENDING");
        WorkerEvents.publish(Topics.ENRICHMENT_COMPLETED, EnrichmentCompleted.succeeded(ready, SampleEvents.context()));
        awaitStatus(api, ready, "GENERATING");
        WorkerEvents.publish(
                Topics.GENERATION_COMPLETED, GenerationCompleted.succeeded(ready, SampleEvents.itinerary()));
        JsonNode readyBefore = awaitStatus(api, ready, "READY");
        JsonNode inFlightBefore = awaitStatus(api, inFlight, "PENDING");

        Path backup = workDir.resolve("state.jsonl.gz");
        long exported =
                StateBackup.export(client(KafkaTestBroker.bootstrapServers()), backup, StateBackup.DEFAULT_TOPICS);
        assertThat(exported).isPositive();
        assertThat(Files.size(backup)).isPositive();

        try (KafkaTestBroker.StartedBroker empty = KafkaTestBroker.startAnother()) {
            assertThat(StateBackup.restore(client(empty.bootstrapServers()), backup))
                    .isEqualTo(exported);

            try (GatewayReplica restored =
                    GatewayReplica.start(GatewayTestSupport.newStateDir(), empty.bootstrapServers())) {
                WebTestClient restoredWeb = patient(restored.web());
                assertThat(TripClient.get(restoredWeb, KEY_A, ready)).isEqualTo(readyBefore);
                assertThat(TripClient.get(restoredWeb, KEY_A, inFlight)).isEqualTo(inFlightBefore);

                // The saga's own state came back too: the trip that was in flight moves on.
                WorkerEvents.publish(
                        empty.bootstrapServers(),
                        Topics.ENRICHMENT_COMPLETED,
                        EnrichmentCompleted.succeeded(inFlight, SampleEvents.context()));
                awaitStatus(restoredWeb, inFlight, "GENERATING");
            }

            assertThatThrownBy(() -> StateBackup.restore(client(empty.bootstrapServers()), backup))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already holds records");
        }
    }

    private static JsonNode awaitStatus(WebTestClient client, String id, String status) {
        return Awaitility.await(id + " " + status)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> TripClient.get(client, KEY_A, id),
                        trip -> trip.get("status").asString().equals(status));
    }

    /** The first requests of a fresh JVM on a busy machine may take longer than the client's default 5 s. */
    private static WebTestClient patient(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static Map<String, Object> client(String bootstrapServers) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    private static String body(String destination, int offsetDays) {
        LocalDate start = LocalDate.now().plusMonths(2).plusDays(offsetDays);
        return """
                {"destination":"%s","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(destination, start, start.plusDays(1));
    }
}
