package io.itinera.harness.load;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample of nanoseconds. {@link #UNFINISHED} stands for a trip that never finished, so
 * that a percentile which reaches into the unfinished ones reads as infinite instead of flattering the survivors.
 */
public final class Percentiles {

    public static final long UNFINISHED = Long.MAX_VALUE;

    private final long[] sorted;

    public Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** @return milliseconds, {@code NaN} without samples, infinity when the rank falls on an unfinished trip */
    public double millis(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        long value = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        return value == UNFINISHED ? Double.POSITIVE_INFINITY : value / 1e6;
    }
}
