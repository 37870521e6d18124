package io.itinera.harness.load;

import java.util.Map;

/** The measured window of one step as the scheduler saw it. */
record StepWindow(
        int step,
        double rate,
        long startNanos,
        long endNanos,
        Map<String, Long> cpuAtStart,
        Map<String, Long> cpuAtEnd,
        Map<String, Long> brokerCounted,
        double loadAverage,
        long maxLatenessNanos,
        boolean knee) {

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    boolean contains(long nanos) {
        return nanos >= startNanos && nanos < endNanos;
    }
}
