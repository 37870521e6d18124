package io.itinera.harness.load;

import io.itinera.harness.system.BrokerCounters;
import io.itinera.harness.system.SuiteProcesses;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The figures of one step. Trips are the step's measured ones (scheduled inside its window), wherever they ended;
 * {@code readyPerSecond} and the CPU figures are what happened inside the window, whichever step's trips it was.
 */
record StepResult(
        StepWindow window,
        int sent,
        int accepted,
        int ready,
        int failed,
        int cancelled,
        int unfinished,
        Map<String, Integer> errors,
        Percentiles post,
        Percentiles postToReady,
        Percentiles postToReadyOfThreeDays,
        double readyPerSecond,
        Map<String, Double> cpuSeconds,
        Map<String, Long> lagMax,
        Map<String, Long> lagEnd) {

    static StepResult of(
            StepWindow window,
            List<TripRun> stepRuns,
            List<TripRun> allRuns,
            Map<String, Double> cpuSeconds,
            Map<String, Long> lagMax,
            Map<String, Long> lagEnd) {
        List<TripRun> measured = stepRuns.stream().filter(run -> run.measured).toList();
        Map<String, Integer> errors = new TreeMap<>();
        int accepted = 0;
        int ready = 0;
        int failed = 0;
        int cancelled = 0;
        int unfinished = 0;
        for (TripRun run : measured) {
            if (run.accepted()) {
                accepted++;
            }
            switch (run.outcome()) {
                case "READY" -> ready++;
                case "FAILED" -> failed++;
                case "CANCELLED" -> cancelled++;
                case TripRun.UNFINISHED -> unfinished++;
                default -> {}
            }
            if (run.error != null) {
                errors.merge(run.error, 1, Integer::sum);
            }
        }
        long[] post = measured.stream()
                .filter(run -> run.postAnsweredNanos > 0)
                .mapToLong(run -> run.postAnsweredNanos - run.scheduledNanos)
                .toArray();
        List<TripRun> planned = measured.stream()
                .filter(TripRun::accepted)
                .filter(run -> !"FAILED".equals(run.terminalStatus) && !"CANCELLED".equals(run.terminalStatus))
                .toList();
        long[] postToReady =
                planned.stream().mapToLong(TripRun::readyLatencyNanos).toArray();
        // Issue 10's low-load latency goal is stated for a 3-day trip.
        long[] postToReadyOfThreeDays = planned.stream()
                .filter(run -> run.days == 3)
                .mapToLong(TripRun::readyLatencyNanos)
                .toArray();
        long readyInWindow = allRuns.stream()
                .filter(run -> run.ready() && window.contains(run.terminalNanos))
                .count();
        return new StepResult(
                window,
                measured.size(),
                accepted,
                ready,
                failed,
                cancelled,
                unfinished,
                errors,
                new Percentiles(post),
                new Percentiles(postToReady),
                new Percentiles(postToReadyOfThreeDays),
                readyInWindow / window.seconds(),
                cpuSeconds,
                lagMax,
                lagEnd);
    }

    double offered() {
        return window.rate();
    }

    double acceptedPerSecond() {
        return accepted / window.seconds();
    }

    /** CPU milliseconds per READY trip of the window, summed over the suite's processes (not the harness). */
    double suiteCpuMsPerReady() {
        return cpuSeconds.keySet().stream()
                .filter(process -> !process.equals(SuiteProcesses.HARNESS))
                .mapToDouble(this::cpuMsPerReady)
                .sum();
    }

    /** CPU milliseconds per READY trip of the window, per process. */
    double cpuMsPerReady(String process) {
        double seconds = cpuSeconds.getOrDefault(process, Double.NaN);
        double readyTrips = readyInWindow();
        return readyTrips == 0 ? Double.NaN : seconds * 1000 / readyTrips;
    }

    /** Trips that ended READY inside the window, whichever step's they were: what the per-trip figures divide by. */
    private double readyInWindow() {
        return readyPerSecond * window.seconds();
    }

    /** What the broker counted in the window per READY trip of it: NaN when its counters were not read. */
    double brokerPerReady(ToLongFunction<Map<String, Long>> counted) {
        Map<String, Long> broker = window.brokerCounted();
        double readyTrips = readyInWindow();
        return broker.isEmpty() || readyTrips == 0 ? Double.NaN : counted.applyAsLong(broker) / readyTrips;
    }

    /** The broker's figures per READY trip, in the order of {@link #BROKER_FIGURES}. */
    List<Double> brokerFigures() {
        return List.of(
                brokerPerReady(BrokerCounters::requests),
                brokerPerReady(counted -> BrokerCounters.requests(counted, "EndTxn")),
                brokerPerReady(counted -> BrokerCounters.requests(counted, "Fetch")),
                brokerPerReady(counted -> BrokerCounters.requests(counted, "Produce")),
                brokerPerReady(counted -> counted.getOrDefault(BrokerCounters.APPENDED, 0L)));
    }

    /** Names of {@link #brokerFigures()}: requests of every kind, transactions (EndTxn), fetches, produces, appends. */
    static final List<String> BROKER_FIGURES = List.of("requests", "transactions", "fetches", "produces", "appends");
}
