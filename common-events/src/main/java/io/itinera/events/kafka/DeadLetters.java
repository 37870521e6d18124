package io.itinera.events.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener error handling: a few quick retries with exponential back-off, then the record goes to {@code <topic>-dlt}
 * (Spring Kafka's default name) and the partition moves on. Records that can never succeed skip the retries.
 */
public final class DeadLetters {

    /** Counter of records sent to a dead-letter topic, tagged by source topic; alert on any increase. */
    public static final String COUNTER = "itinera.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, MeterRegistry meters, ItineraKafkaProperties.Retry retry) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template);
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxAttempts(retry.maxAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    log.error(
                            "dead-lettering record topic={} partition={} offset={} key={} after {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            NestedExceptionUtils.getMostSpecificCause(exception)
                                    .getClass()
                                    .getName());
                    meters.counter(COUNTER, "topic", record.topic()).increment();
                    publisher.accept(record, exception);
                },
                backOff);
        handler.addNotRetryableExceptions(
                DeserializationException.class,
                ConversionException.class,
                IllegalArgumentException.class,
                NullPointerException.class);
        return handler;
    }
}
