package io.itinera.harness.load;

import org.jspecify.annotations.Nullable;

/**
 * One trip of a load run, from its scheduled POST to its end. Times are {@link System#nanoTime()}; latencies count
 * from the scheduled time, not the moment the POST went out, so that a late scheduler cannot hide waiting
 * (coordinated omission). Written by the HTTP client's threads, read by the reporting thread.
 */
public final class TripRun {

    static final String UNFINISHED = "UNFINISHED";

    public final int step;
    final boolean measured;
    public final long scheduledNanos;
    final int days;
    public volatile long sentNanos;
    public volatile int postStatus;
    public volatile long postAnsweredNanos;
    public volatile @Nullable String id;
    public volatile @Nullable String terminalStatus;
    public volatile long terminalNanos;
    public volatile int finalStatusCode;
    public volatile @Nullable String finalStatus;
    public volatile @Nullable String error;
    /** The problem type of a FAILED trip ({@code error.type} of its final GET). */
    public volatile @Nullable String failureType;
    /** The first refusal ({@code post:503 <type>}) of a POST that was asked again after it. */
    public volatile @Nullable String firstRefusal;

    public volatile boolean done;

    public TripRun(int step, boolean measured, long scheduledNanos, int days) {
        this.step = step;
        this.measured = measured;
        this.scheduledNanos = scheduledNanos;
        this.days = days;
    }

    public boolean accepted() {
        return postStatus == 202;
    }

    public boolean ready() {
        return "READY".equals(terminalStatus);
    }

    /** The trip's status at the end of the run: its terminal status, UNFINISHED, or none when never accepted. */
    public String outcome() {
        String terminal = terminalStatus;
        if (terminal != null) {
            return terminal;
        }
        return accepted() ? UNFINISHED : "NOT_ACCEPTED";
    }

    /** POST to READY, or {@link Percentiles#UNFINISHED} for an accepted trip that did not get there. */
    public long readyLatencyNanos() {
        return ready() ? terminalNanos - scheduledNanos : Percentiles.UNFINISHED;
    }
}
