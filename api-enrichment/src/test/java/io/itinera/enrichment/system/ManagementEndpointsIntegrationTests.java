package io.itinera.enrichment.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itinera.enrichment.EnrichmentIntegrationTest;
import io.itinera.events.TopicNames;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.trip.Interest;
import io.itinera.kafka.TopicRecords;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.web.reactive.server.WebTestClient;

@EnrichmentIntegrationTest
class ManagementEndpointsIntegrationTests {

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaOperations<String, Object> kafka;

    private WebTestClient management;

    @BeforeEach
    void connect() {
        management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void isReadyOnceTheBrokerAnswersAndTheListenerRuns() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> management
                        .get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.kafka.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.kafka.details.listeners")
                        .isEqualTo("running"));
    }

    @Test
    void isLive() {
        management
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void servesTheStageTimerToPrometheusAfterARequest() throws Exception {
        // given an enriched trip
        String tripId = UUID.randomUUID().toString();
        try (TopicRecords<Object> completed =
                TopicRecords.of(bootstrapServers, new EventDeserializer<>(), TopicNames.ENRICHMENT_COMPLETED)) {
            // in a transaction, as the saga sends: the service's own template is transactional (exactly-once)
            kafka.executeInTransaction(operations -> operations.send(
                            TopicNames.ENRICHMENT_REQUEST,
                            tripId,
                            EnrichmentRequested.of(
                                    tripId,
                                    TripRequests.to("Rome")
                                            .interests(Interest.HISTORY, Interest.FOOD)
                                            .build())))
                    .get();
            completed.awaitFor(tripId, seen -> seen.stream().anyMatch(r -> r.value() instanceof EnrichmentCompleted));
        }

        // when
        String scrape = management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // then
        assertThat(scrape)
                .containsPattern("itinera_stage_duration_seconds_count\\{[^}]*application=\"api-enrichment\"[^}]*"
                        + "outcome=\"succeeded\"[^}]*stage=\"enrichment\"[^}]*\\} [1-9]");
    }
}
