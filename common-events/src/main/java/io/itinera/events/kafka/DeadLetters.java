package io.itinera.events.kafka;

import io.itinera.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener error handling: a few quick retries with exponential back-off, then the record goes to {@code <topic>-dlt}
 * (Spring Kafka's default name) and the partition moves on. Records that can never succeed skip the retries. A
 * request given up on is first reported to the saga as a FAILED completion ({@link GivenUpRequests}). The dead letter
 * holds the original bytes and headers (read back by {@link OriginalRecords} where the record was readable) plus
 * Spring Kafka's {@code kafka_dlt-*} headers, so that {@link DeadLetterReplay} can send it again as it was.
 */
public final class DeadLetters {

    /** Counter of records sent to a dead-letter topic, tagged by source topic; alert on any increase. */
    public static final String COUNTER = "itinera.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** Failures of the record itself: retrying cannot help, so the record goes straight to its dead-letter topic. */
    private static final List<Class<? extends Exception>> NOT_RETRYABLE = List.of(
            DeserializationException.class,
            ConversionException.class,
            IllegalArgumentException.class,
            NullPointerException.class);

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, MeterRegistry meters, ItineraKafkaProperties.Retry retry) {
        return errorHandler(template, meters, retry, null, null);
    }

    /**
     * @param givenUp where a request the worker gives up on is reported as FAILED before it is dead-lettered; {@code
     *     null} for none
     * @param originals where the original bytes of a readable record are read back; {@code null} to publish the
     *     listener's reading of it
     */
    static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template,
            MeterRegistry meters,
            ItineraKafkaProperties.Retry retry,
            @Nullable GivenUpRequests givenUp,
            @Nullable OriginalRecords originals) {
        DefaultErrorHandler handler =
                new RecordErrorHandler(recoverer(template, meters, givenUp, originals), backOff(retry));
        @SuppressWarnings("unchecked") // every element is an exception class
        Class<? extends Exception>[] notRetryable = NOT_RETRYABLE.toArray(new Class[0]);
        handler.addNotRetryableExceptions(notRetryable);
        return handler;
    }

    /**
     * The same retries and recovery for the records of a batch listener, one record at a time inside the poll's
     * transaction ({@link RecordFailures}).
     */
    static RecordFailures recordFailures(
            KafkaOperations<?, ?> template,
            MeterRegistry meters,
            ItineraKafkaProperties.Retry retry,
            @Nullable GivenUpRequests givenUp,
            @Nullable OriginalRecords originals) {
        return new RecordFailures(
                backOff(retry), recoverer(template, meters, givenUp, originals), RecordFailures::sleep);
    }

    /** Whether a failure may succeed when tried again: not when the record itself is unreadable or invalid. */
    static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Exception> notRetryable : NOT_RETRYABLE) {
                if (notRetryable.isInstance(cause)) {
                    return false;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    private static ExponentialBackOff backOff(ItineraKafkaProperties.Retry retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxAttempts(retry.maxAttempts());
        return backOff;
    }

    /** Logs and counts the record, reports a request given up on as FAILED, then publishes it to its dead-letter topic. */
    private static ConsumerRecordRecoverer recoverer(
            KafkaOperations<?, ?> template,
            MeterRegistry meters,
            @Nullable GivenUpRequests givenUp,
            @Nullable OriginalRecords originals) {
        DeadLetterPublishingRecoverer publisher =
                originals == null ? new DeadLetterPublishingRecoverer(template) : new Originals(template, originals);
        return (record, exception) -> {
            log.error(
                    "dead-lettering record topic={} partition={} offset={} key={} after {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    NestedExceptionUtils.getMostSpecificCause(exception)
                            .getClass()
                            .getName());
            if (givenUp != null) {
                givenUp.report(record, exception);
            }
            count(meters, record.topic());
            publisher.accept(record, exception);
        };
    }

    /**
     * Retries, then recovers, the record a record listener failed on. A batch listener handles its records' failures
     * itself ({@link RecordFailures}); whatever it throws rolls its poll back, so here it is only passed on: the
     * default batch handling would retry the whole poll inside the same transaction and dead-letter every record of it,
     * and commit offsets outside the transaction.
     */
    private static final class RecordErrorHandler extends DefaultErrorHandler {

        RecordErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
            super(recoverer, backOff);
        }

        @Override
        public void handleBatch(
                Exception thrownException,
                ConsumerRecords<?, ?> data,
                Consumer<?, ?> consumer,
                MessageListenerContainer container,
                Runnable invokeListener) {
            throw rollBack(thrownException);
        }

        @Override
        public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(
                Exception thrownException,
                ConsumerRecords<?, ?> data,
                Consumer<?, ?> consumer,
                MessageListenerContainer container,
                Runnable invokeListener) {
            throw rollBack(thrownException);
        }

        private static KafkaException rollBack(Exception thrownException) {
            return new KafkaException("batch failed; rolling its transaction back", thrownException);
        }
    }

    /** Publishes the original value bytes; a record that could not be deserialized has them already. */
    private static final class Originals extends DeadLetterPublishingRecoverer {

        private final OriginalRecords originals;

        Originals(KafkaOperations<?, ?> template, OriginalRecords originals) {
            super(template);
            this.originals = originals;
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(
                ConsumerRecord<?, ?> record,
                TopicPartition topicPartition,
                Headers headers,
                byte @Nullable [] key,
                byte @Nullable [] value) {
            byte[] original = value;
            if (original == null && record.value() != null) {
                original = originals.value(record).orElse(null);
            }
            return super.createProducerRecord(record, topicPartition, headers, key, original);
        }
    }

    /** Counts one record of {@code topic} sent to its dead-letter topic. */
    public static void count(MeterRegistry meters, String topic) {
        counter(meters, topic).increment();
    }

    /**
     * Registers the counter, at zero, of every topic the service dead-letters, so that each dead-letter topic has its
     * series from the start and an alert on {@code increase()} sees the very first record.
     */
    public static void registerCounters(MeterRegistry meters, String service) {
        Topics.all().stream()
                .filter(topic ->
                        service.equals(topic.consumer()) && topic.deadLetter().isPresent())
                .forEach(topic -> counter(meters, topic.name()));
    }

    private static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder(COUNTER)
                .description("Records sent to a dead-letter topic, by source topic")
                .tag("topic", topic)
                .register(meters);
    }
}
