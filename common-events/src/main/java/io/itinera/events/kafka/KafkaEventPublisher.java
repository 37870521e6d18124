package io.itinera.events.kafka;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes through a Kafka template and waits for the broker's acknowledgement, so that a failed send fails the
 * caller, whose listener then retries instead of losing the event. The template's observation adds the W3C
 * {@code traceparent} of the current span.
 */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaOperations<String, Object> kafka;
    private final String source;
    private final Duration sendTimeout;

    /** @param source the publishing service, e.g. {@code api-enrichment} */
    public KafkaEventPublisher(KafkaOperations<String, Object> kafka, String source, Duration sendTimeout) {
        this.kafka = kafka;
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), event.key(), event);
        EventHeaders.stamp(record.headers(), event, source);
        if (causedBy != null) {
            EventHeaders.propagateRequestId(causedBy, record.headers());
        }
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException(
                    "could not publish " + event.getClass().getSimpleName() + " to " + topic.name(), e);
        }
    }
}
