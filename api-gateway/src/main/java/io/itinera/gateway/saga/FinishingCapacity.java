package io.itinera.gateway.saga;

import java.time.Duration;
import java.util.Arrays;

/**
 * How many trips per second the suite can finish, estimated from what it did finish: the finishing rate sustained over
 * a sliding window ({@code sustain}, counted in ten buckets), and the best such rate seen lately, decaying with the
 * time constant {@code memory}. The estimate is the larger of the two. A worker that dies for a few seconds therefore
 * leaves the estimate almost where it was (the current rate falls to zero, the remembered best barely moves), while
 * under real overload the best sustained rate is the capacity itself, so the backlog it admits still finishes within
 * the target. A capacity that really dropped is forgotten in a few time constants.
 */
final class FinishingCapacity {

    private static final int BUCKETS = 10;

    private final long bucketMillis;
    private final double memoryMillis;
    private final int[] finished = new int[BUCKETS];
    /** The bucket {@code finished[(int) (currentBucket % BUCKETS)]} counts; older slots hold the window's past. */
    private long currentBucket = Long.MIN_VALUE;

    private double best;
    private long bestMillis;

    FinishingCapacity(Duration sustain, Duration memory) {
        this.bucketMillis = Math.max(1, sustain.toMillis() / BUCKETS);
        this.memoryMillis = memory.toMillis();
    }

    /** How far back a finished trip still counts towards the sustained rate. */
    long sustainMillis() {
        return bucketMillis * BUCKETS;
    }

    synchronized void finished(long nowMillis) {
        advanceTo(nowMillis);
        finished[slot(currentBucket)]++;
        remember(sustained(), nowMillis);
    }

    /** Trips per second the suite can finish: the sustained rate or the decayed best of it, whichever is larger. */
    synchronized double perSecond(long nowMillis) {
        advanceTo(nowMillis);
        double sustained = sustained();
        remember(sustained, nowMillis);
        return Math.max(sustained, decayedBest(nowMillis));
    }

    /** The rate sustained over the window, without the remembered best (for tests and diagnostics). */
    synchronized double sustainedPerSecond(long nowMillis) {
        advanceTo(nowMillis);
        return sustained();
    }

    private void advanceTo(long nowMillis) {
        long bucket = Math.floorDiv(nowMillis, bucketMillis);
        if (currentBucket == Long.MIN_VALUE || bucket - currentBucket >= BUCKETS) {
            Arrays.fill(finished, 0);
        } else {
            for (long b = currentBucket + 1; b <= bucket; b++) {
                finished[slot(b)] = 0;
            }
        }
        if (currentBucket == Long.MIN_VALUE || bucket > currentBucket) {
            currentBucket = bucket;
        }
    }

    private double sustained() {
        int sum = 0;
        for (int count : finished) {
            sum += count;
        }
        return sum * 1000.0 / sustainMillis();
    }

    private void remember(double sustained, long nowMillis) {
        if (sustained >= decayedBest(nowMillis)) {
            best = sustained;
            bestMillis = nowMillis;
        }
    }

    private double decayedBest(long nowMillis) {
        long age = Math.max(0, nowMillis - bestMillis);
        return best * Math.exp(-age / memoryMillis);
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, BUCKETS);
    }
}
