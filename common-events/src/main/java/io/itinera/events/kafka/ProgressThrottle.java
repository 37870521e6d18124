package io.itinera.events.kafka;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides whether a stage's progress is worth a record: only once the stage has been running for at least the minimum
 * interval since it started or since its last report. Fast stages thus send only their completion. One per record
 * handled, on the listener's thread; not thread-safe.
 */
public final class ProgressThrottle {

    private final long minIntervalNanos;
    private final LongSupplier nanoTime;
    private long lastReport;

    /**
     * Starts the clock: the stage's start counts as its last report.
     *
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public ProgressThrottle(Duration minInterval, LongSupplier nanoTime) {
        this.minIntervalNanos = minInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong();
    }

    /** Whether a report is due now; if so, the interval starts again from now. */
    public boolean due() {
        long now = nanoTime.getAsLong();
        if (now - lastReport < minIntervalNanos) {
            return false;
        }
        lastReport = now;
        return true;
    }
}
