package io.itinera.events.kafka;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * How every listener handles one record of its stage: the record's key (trip or proposal id) and request id in the
 * logging context, the work timed as {@value #TIMER} tagged with stage and outcome, and one policy for a record
 * without a value: it is not retryable, so the error handler sends it straight to the dead-letter topic. A request the
 * saga sent again ({@link EventHeaders#RESENT}) for a key this worker handled after the copy was written (the first
 * answer was slow, not lost) is dropped, counted as {@value #RESENT}. It also hands out the {@link ProgressThrottle}
 * that keeps a stage's progress reports to those worth a record.
 */
public class StageHandler {

    public static final String TIMER = "itinera.stage.duration";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String RESENT = "itinera.stage.resent";

    /**
     * How long before a copy was written the first request may have been handled for the copy to count as answered:
     * the saga may write it while the first answer waits in its input, the saga's read lag at most.
     */
    static final Duration RESENT_ANSWERED_WITHIN = Duration.ofSeconds(5);

    /** The default of {@code itinera.kafka.progress.min-interval}. */
    public static final Duration PROGRESS_MIN_INTERVAL = Duration.ofMillis(250);

    private final MeterRegistry meters;
    private final Duration progressMinInterval;
    private final LongSupplier nanoTime;
    private final @Nullable RecordFailures failures;
    private final RecentlyHandled handled =
            new RecentlyHandled(RecentlyHandled.DEFAULT_CAPACITY, System::currentTimeMillis);

    public StageHandler(MeterRegistry meters) {
        this(meters, PROGRESS_MIN_INTERVAL, System::nanoTime);
    }

    /**
     * @param progressMinInterval how long a stage runs before (and between) progress reports
     * @param nanoTime the monotonic clock of the progress throttles, {@code System::nanoTime} outside tests
     */
    public StageHandler(MeterRegistry meters, Duration progressMinInterval, LongSupplier nanoTime) {
        this(meters, progressMinInterval, nanoTime, null);
    }

    /**
     * @param failures what {@link #handleEach} does with a record that fails; {@code null}: the failure is thrown, and
     *     the batch's transaction rolls back
     */
    public StageHandler(
            MeterRegistry meters,
            Duration progressMinInterval,
            LongSupplier nanoTime,
            @Nullable RecordFailures failures) {
        this.meters = meters;
        this.progressMinInterval = progressMinInterval;
        this.nanoTime = nanoTime;
        this.failures = failures;
    }

    /** A throttle for the progress of one record's work, started now. */
    public ProgressThrottle progressThrottle() {
        return new ProgressThrottle(progressMinInterval, nanoTime);
    }

    /**
     * Handles each record of a batch listener's poll in turn, all in the poll's Kafka transaction (one transaction, one
     * offset commit for the poll instead of one per record). A record that fails is retried in place and then reported
     * and dead-lettered ({@link RecordFailures}) while the others go on; whatever escapes rolls the whole poll back.
     */
    public <R extends ConsumerRecord<?, ?>> void handleEach(List<R> records, Consumer<R> handler) {
        for (R record : records) {
            if (failures == null) {
                handler.accept(record);
            } else {
                failures.handle(record, handler);
            }
        }
    }

    /**
     * Runs the work on the record's value; work that throws counts as failed and the exception reaches the error
     * handler (retries, then the dead-letter topic).
     */
    public <T> void handle(ConsumerRecord<String, T> record, Stage stage, Function<T, Outcome> work) {
        T value = record.value();
        if (value == null) {
            throw new IllegalArgumentException("%s record without a value: topic=%s partition=%d offset=%d"
                    .formatted(stage.name(), record.topic(), record.partition(), record.offset()));
        }
        String key = record.key();
        boolean resent =
                EventHeaders.read(record.headers(), EventHeaders.RESENT).isPresent();
        if (resent
                && key != null
                && handled.handledSince(stage, key, record.timestamp() - RESENT_ANSWERED_WITHIN.toMillis())) {
            resent(stage, "dropped").increment();
            return;
        }
        if (key != null) {
            MDC.put(stage.keyName(), key);
        }
        EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID).ifPresent(id -> MDC.put(MDC_REQUEST_ID, id));
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = work.apply(value);
            if (key != null) {
                handled.handled(stage, key);
            }
            if (resent) {
                resent(stage, "handled").increment();
            }
        } finally {
            sample.stop(Timer.builder(TIMER)
                    .description("Time a worker spends on one record of its stage")
                    .tag("stage", stage.name())
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
            MDC.remove(stage.keyName());
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    private Counter resent(Stage stage, String action) {
        return Counter.builder(RESENT)
                .description(
                        "Requests the saga sent again, by what the worker did: handled, or dropped as done already")
                .tag("stage", stage.name())
                .tag("action", action)
                .register(meters);
    }
}
