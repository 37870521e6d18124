package io.itinera.events.kafka;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes through a Kafka template. Inside a transaction (a worker's listener), {@link #publish} only sends: the
 * commit flushes the event together with the offset of the record that caused it, and a failed send fails the commit.
 * Outside one it waits for the broker's acknowledgement, so that a failed send fails the caller, whose listener then
 * retries instead of losing the event. {@link #publishProgress} goes through a template of its own, never part of a
 * transaction, does not wait and counts a failure as {@value #PROGRESS_FAILED}. The request id and W3C {@code traceparent} of the record being
 * handled travel on, so that the trace survives where Kafka observation is off (every service); the gateway's commands,
 * caused by an HTTP request rather than a record, get the request's own (its {@code Correlation}).
 */
public class KafkaEventPublisher implements EventPublisher {

    public static final String PROGRESS_FAILED = "itinera.kafka.progress.failed";

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final KafkaOperations<String, Object> kafka;
    private final KafkaOperations<String, Object> progress;
    private final String source;
    private final Duration sendTimeout;
    private final MeterRegistry meters;

    /** @param source the publishing service, e.g. {@code api-enrichment} */
    public KafkaEventPublisher(
            KafkaOperations<String, Object> kafka, String source, Duration sendTimeout, MeterRegistry meters) {
        this(kafka, kafka, source, sendTimeout, meters);
    }

    /**
     * @param progress where progress goes: a non-transactional template when {@code kafka} is transactional, so that
     *     progress is seen while the work runs, not with its outcome
     */
    public KafkaEventPublisher(
            KafkaOperations<String, Object> kafka,
            KafkaOperations<String, Object> progress,
            String source,
            Duration sendTimeout,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.progress = progress;
        this.source = source;
        this.sendTimeout = sendTimeout;
        this.meters = meters;
    }

    @Override
    public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        ProducerRecord<String, Object> record = record(topic, event, causedBy);
        if (kafka.inTransaction()) {
            // the commit flushes it with the offset of the record being handled; a failed send fails the commit
            kafka.send(record);
            return;
        }
        try {
            sendAlone(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException(
                    "could not publish " + event.getClass().getSimpleName() + " to " + topic.name(), e);
        }
    }

    @Override
    public <T extends Event> void publishProgress(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        try {
            progress.send(record(topic, event, causedBy)).whenComplete((sent, failure) -> {
                if (failure != null) {
                    progressFailed(topic, event, failure);
                }
            });
        } catch (RuntimeException e) {
            // the template may fail before it hands the record to the producer (serialisation, metadata timeout)
            progressFailed(topic, event, e);
        }
    }

    @Override
    public <T extends Event> CompletableFuture<Void> publishAsync(
            TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        try {
            return sendAlone(record(topic, event, causedBy)).thenApply(sent -> (Void) null);
        } catch (RuntimeException e) {
            // the template may fail before it hands the record to the producer (serialisation, metadata timeout)
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<SendResult<String, Object>> sendAlone(ProducerRecord<String, Object> record) {
        if (!kafka.isTransactional()) {
            return kafka.send(record);
        }
        // a transactional template sends only inside a transaction: one of its own for this event
        return Objects.requireNonNull(kafka.executeInTransaction(operations -> operations.send(record)));
    }

    private <T extends Event> ProducerRecord<String, Object> record(
            TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), event.key(), event);
        EventHeaders.stamp(record.headers(), event, source);
        if (causedBy != null) {
            EventHeaders.propagate(causedBy, record.headers());
        }
        return record;
    }

    private void progressFailed(TopicSpec<?> topic, Event event, Throwable failure) {
        log.warn("Could not publish progress of {} to {}: {}", event.key(), topic.name(), failure.toString());
        Counter.builder(PROGRESS_FAILED)
                .description("Progress events that could not be published (the record was handled all the same)")
                .tag("topic", topic.name())
                .register(meters)
                .increment();
    }
}
