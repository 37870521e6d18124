package io.itinera.harness.load;

import java.util.List;

/**
 * Whether a step is past the knee, judged as soon as its window closes: the suite finished fewer than 90 % of the
 * offered trips per second in the window, or more than 1 % of the step's trips that have had {@code slo} to finish
 * are not READY within it.
 */
final class Knee {

    static final double MIN_READY_SHARE = 0.9;
    static final double MAX_LATE_SHARE = 0.01;

    private Knee() {}

    static boolean passed(
            List<TripRun> stepRuns, double offeredPerSecond, double readyPerSecond, long nowNanos, long sloNanos) {
        if (readyPerSecond < MIN_READY_SHARE * offeredPerSecond) {
            return true;
        }
        int judged = 0;
        int late = 0;
        for (TripRun run : stepRuns) {
            if (!run.measured || nowNanos - run.scheduledNanos < sloNanos) {
                continue;
            }
            judged++;
            if (!run.ready() || run.terminalNanos - run.scheduledNanos > sloNanos) {
                late++;
            }
        }
        return judged > 0 && late > MAX_LATE_SHARE * judged;
    }
}
