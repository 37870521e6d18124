package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.itinera.events.SampleEvents;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.serde.EventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A real producer whose broker does not answer: what each kind of publish does with a send that fails. */
class KafkaEventPublisherTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            "localhost:9",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            200,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            EventSerializer.class));
    private final KafkaEventPublisher publisher =
            new KafkaEventPublisher(new KafkaTemplate<>(producers), "api-enrichment", Duration.ofSeconds(1), meters);

    @AfterEach
    void closeProducer() {
        producers.destroy();
    }

    @Test
    void aProgressEventThatCannotBeSentIsCountedAndNeverFailsTheCaller() {
        assertThatCode(() -> publisher.publishProgress(
                        Topics.ENRICHMENT_PROGRESS,
                        EnrichmentProgress.of(SampleEvents.TRIP, "destination-resolved", 30, "Lisbon"),
                        null))
                .doesNotThrowAnyException();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(meters.find(KafkaEventPublisher.PROGRESS_FAILED)
                                .tag("topic", Topics.ENRICHMENT_PROGRESS.name())
                                .counter())
                        .isNotNull()
                        .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0)));
    }

    @Test
    void aCompletionThatCannotBeSentFailsTheCallerSoThatTheListenerRetries() {
        assertThatThrownBy(() -> publisher.publish(
                        Topics.ENRICHMENT_COMPLETED,
                        EnrichmentCompleted.failed(SampleEvents.TRIP, SampleEvents.failure()),
                        null))
                .as(
                        "the template fails the send before or after handing it to the producer; either way the caller fails")
                .isInstanceOfAny(KafkaException.class, org.springframework.kafka.KafkaException.class);
        assertThat(meters.find(KafkaEventPublisher.PROGRESS_FAILED).counter()).isNull();
    }
}
