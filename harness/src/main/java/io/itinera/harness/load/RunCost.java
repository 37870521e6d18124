package io.itinera.harness.load;

import io.itinera.harness.system.SuiteProcesses;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU per trip over the whole run, the figure that holds on a shared machine: each process's CPU from the ramp's start
 * until the last trip ended, divided by the trips that ended READY. A starved suite finishes its trips late, not with
 * less work, so every trip's work is counted once however much of it fell inside a step's window (the per-step figure,
 * CPU in the window over READY in the window, counts a backlog's work against the wrong step). What the processes
 * spend while idle (polls, heartbeats, timers: measured per second before the ramp) grows with the run's length, not
 * with its trips, so it is also given net of that.
 *
 * @param seconds from the ramp's start to the end of the last trip (or of the drain)
 * @param ready trips of the whole run that ended READY
 * @param notReady trips that ended otherwise or not at all (their work is in the CPU, not in the count)
 * @param cpuSeconds per process, over {@code seconds}
 * @param idleCores per process, CPU seconds per second while no trip was in flight; empty without an idle window
 * @param loadAverages the one-minute load average at the end of each step and of the run
 */
record RunCost(
        double seconds,
        int ready,
        int notReady,
        Map<String, Double> cpuSeconds,
        Map<String, Double> idleCores,
        List<Double> loadAverages) {

    static RunCost of(
            long startNanos,
            long endNanos,
            List<TripRun> runs,
            Map<String, Double> cpuSeconds,
            Map<String, Double> idleCores,
            List<Double> loadAverages) {
        int ready = (int) runs.stream().filter(TripRun::ready).count();
        return new RunCost(
                (endNanos - startNanos) / 1e9, ready, runs.size() - ready, cpuSeconds, idleCores, loadAverages);
    }

    /** CPU milliseconds per READY trip of the whole run. */
    double msPerReady(String process) {
        double cpu = cpuSeconds.getOrDefault(process, Double.NaN);
        return ready == 0 ? Double.NaN : cpu * 1000 / ready;
    }

    /** The same, less what the process would have spent idle for as long as the run lasted; NaN without an idle window. */
    double msPerReadyNetOfIdle(String process) {
        double cpu = cpuSeconds.getOrDefault(process, Double.NaN);
        double idle = idleCores.getOrDefault(process, Double.NaN);
        return ready == 0 ? Double.NaN : (cpu - idle * seconds) * 1000 / ready;
    }

    double suiteMsPerReady() {
        return suite().mapToDouble(this::msPerReady).sum();
    }

    double suiteMsPerReadyNetOfIdle() {
        return suite().mapToDouble(this::msPerReadyNetOfIdle).sum();
    }

    private Stream<String> suite() {
        return cpuSeconds.keySet().stream().filter(process -> !process.equals(SuiteProcesses.HARNESS));
    }
}
