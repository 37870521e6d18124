package io.itinera.gateway;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Gateway replicas share nothing but Kafka: a trip posted to one is served by another, and a replica that restarts
 * still has it.
 */
class GatewayReplicasIntegrationTests {

    @BeforeAll
    static void startWorkers() {
        WorkerProcesses.start();
    }

    @Test
    void anyReplicaServesAnyTripAndARestartLosesNothing() {
        Path stateOfA = GatewayTestSupport.newStateDir();
        try (Replica a = Replica.start(stateOfA);
                Replica b = Replica.start(GatewayTestSupport.newStateDir())) {
            LocalDate start = LocalDate.now().plusMonths(2);
            String id = TripClient.post(a.web(), KEY_A, """
                    {"destination":"Porto","startDate":"%s","endDate":"%s","travelers":2,
                     "interests":["food","history"],"pace":"RELAXED","budget":"LOW"}""".formatted(start, start.plusDays(1)));

            JsonNode seenByB = TripClient.awaitTerminal(b.web(), KEY_A, id, Duration.ofSeconds(45));
            assertThat(seenByB.get("status").asString()).isEqualTo("READY");

            a.close();
            try (Replica restartedA = Replica.start(stateOfA)) {
                JsonNode seenByRestartedA = TripClient.get(restartedA.web(), KEY_A, id);
                assertThat(seenByRestartedA.get("status").asString()).isEqualTo("READY");
                assertThat(seenByRestartedA.get("itinerary")).isEqualTo(seenByB.get("itinerary"));
            }
        }
    }

    /** One gateway instance with its own ports and state directory. */
    record Replica(ConfigurableApplicationContext context, WebTestClient web) implements AutoCloseable {

        static Replica start(Path stateDir) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                    .profiles("test")
                    // Command-line arguments, so that they outrank application.yml as they would in production.
                    .run(
                            "--server.port=0",
                            "--management.server.port=0",
                            "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                            "--spring.kafka.streams.state-dir=" + stateDir);
            String port = context.getEnvironment().getRequiredProperty("local.server.port");
            WebTestClient web = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(15))
                    .build();
            String managementPort = context.getEnvironment().getRequiredProperty("local.management.port");
            WebTestClient management = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build();
            // Ready means the trip store is loaded: only then does a replica take traffic.
            Awaitility.await("replica ready")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> management
                            .get()
                            .uri("/actuator/health/readiness")
                            .exchange()
                            .expectStatus()
                            .isOk());
            return new Replica(context, web);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
