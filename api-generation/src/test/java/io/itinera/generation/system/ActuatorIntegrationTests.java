package io.itinera.generation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.TopicNames;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.generation.KafkaIntegrationTest;
import io.itinera.generation.LisbonTrip;
import io.itinera.kafka.TopicRecords;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class ActuatorIntegrationTests extends KafkaIntegrationTest {

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10))
                // a scrape is larger than the client's default 256 KB: each listener thread's consumer and producer
                // add their Kafka client metrics (about 320 KB with three threads per listener)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    @Test
    void isReadyWhenTheBrokerAnswersAndTheListenerRuns() {
        management()
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
                .isEqualTo("running");
    }

    @Test
    void isLive() {
        management()
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
    void servesTheStageTimerToPrometheusOnceATripWasPlanned() throws Exception {
        // given a planned trip
        String tripId = newTripId();
        try (TopicRecords<Object> completed =
                TopicRecords.of(bootstrapServers(), new EventDeserializer<>(), TopicNames.GENERATION_COMPLETED)) {
            sendRequest(tripId, LisbonTrip.requested(tripId), "req-metrics");
            completed.awaitRecords(tripId, read -> assertThat(read).hasSize(1));
        }

        // when
        String metrics = management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // then
        assertThat(metrics)
                .isNotNull()
                .containsPattern(
                        "itinera_stage_duration_seconds_count\\{[^}]*outcome=\"succeeded\"[^}]*stage=\"generation\"")
                .containsPattern("itinera_stage_duration_seconds_count\\{[^}]*application=\"api-generation\"");
    }
}
