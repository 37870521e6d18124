package io.itinera.events.kafka;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * What a batch listener does with one record of its poll that fails, so that the other records of the poll are not
 * affected: the record is retried where it is, with the error handler's back-off, and once it is not retryable or out
 * of attempts it is recovered (reported FAILED and dead-lettered, {@link DeadLetters}), all inside the poll's Kafka
 * transaction. Only a failure to recover escapes, and rolls the whole poll back for redelivery.
 */
public final class RecordFailures {

    private static final Logger log = LoggerFactory.getLogger(RecordFailures.class);

    private final BackOff backOff;
    private final ConsumerRecordRecoverer recoverer;
    private final LongConsumer sleeper;

    /** @param sleeper waits the back-off's milliseconds, {@code Thread::sleep} outside tests */
    RecordFailures(BackOff backOff, ConsumerRecordRecoverer recoverer, LongConsumer sleeper) {
        this.backOff = backOff;
        this.recoverer = recoverer;
        this.sleeper = sleeper;
    }

    /** Handles the record; a failure is retried, then recovered, and never thrown unless recovering fails. */
    public <R extends ConsumerRecord<?, ?>> void handle(R record, Consumer<R> handler) {
        BackOffExecution attempts = backOff.start();
        while (true) {
            try {
                handler.accept(record);
                return;
            } catch (RuntimeException failure) {
                long wait = DeadLetters.isRetryable(failure) ? attempts.nextBackOff() : BackOffExecution.STOP;
                if (wait == BackOffExecution.STOP) {
                    recoverer.accept(record, failure);
                    return;
                }
                log.warn(
                        "retrying record topic={} partition={} offset={} in {} ms after {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        wait,
                        failure.toString());
                sleeper.accept(wait);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting to retry a record", e);
        }
    }
}
