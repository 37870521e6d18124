package io.itinera.harness.load;

import org.jspecify.annotations.Nullable;

/**
 * One trip of a load run, from its scheduled POST to its end. Times are {@link System#nanoTime()}; latencies count
 * from the scheduled time, not the moment the POST went out, so that a late scheduler cannot hide waiting
 * (coordinated omission). Written by the HTTP client's threads, read by the reporting thread.
 */
final class TripRun {

    static final String UNFINISHED = "UNFINISHED";

    final int step;
    final boolean measured;
    final long scheduledNanos;
    final int days;
    volatile long sentNanos;
    volatile int postStatus;
    volatile long postAnsweredNanos;
    volatile @Nullable String id;
    volatile @Nullable String terminalStatus;
    volatile long terminalNanos;
    volatile int finalStatusCode;
    volatile @Nullable String finalStatus;
    volatile @Nullable String error;
    volatile boolean done;

    TripRun(int step, boolean measured, long scheduledNanos, int days) {
        this.step = step;
        this.measured = measured;
        this.scheduledNanos = scheduledNanos;
        this.days = days;
    }

    boolean accepted() {
        return postStatus == 202;
    }

    boolean ready() {
        return "READY".equals(terminalStatus);
    }

    /** The trip's status at the end of the run: its terminal status, UNFINISHED, or none when never accepted. */
    String outcome() {
        String terminal = terminalStatus;
        if (terminal != null) {
            return terminal;
        }
        return accepted() ? UNFINISHED : "NOT_ACCEPTED";
    }

    /** POST to READY, or {@link Percentiles#UNFINISHED} for an accepted trip that did not get there. */
    long readyLatencyNanos() {
        return ready() ? terminalNanos - scheduledNanos : Percentiles.UNFINISHED;
    }
}
