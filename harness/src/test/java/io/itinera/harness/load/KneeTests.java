package io.itinera.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTests {

    private static final long SECOND = 1_000_000_000L;
    private static final long SLO = 2 * SECOND;

    @Test
    void aStepKeepingUpWithinTheSloIsBeforeTheKnee() {
        List<TripRun> runs = runs(100, SECOND / 2, 0);

        assertThat(Knee.passed(runs, 4, 4.0, 200 * SECOND, SLO)).isFalse();
    }

    @Test
    void tooFewReadyPerSecondOrTooManyLateTripsIsPastTheKnee() {
        assertThat(Knee.passed(runs(100, SECOND / 2, 0), 4, 3.5, 200 * SECOND, SLO))
                .isTrue();
        assertThat(Knee.passed(runs(100, SECOND / 2, 2), 4, 4.0, 200 * SECOND, SLO))
                .isTrue();
    }

    @Test
    void tripsYoungerThanTheSloAreNotJudgedYet() {
        List<TripRun> runs = runs(10, SECOND / 2, 0);
        runs.add(new TripRun(0, true, 199 * SECOND, 3)); // scheduled a second ago, not finished

        assertThat(Knee.passed(runs, 4, 4.0, 200 * SECOND, SLO)).isFalse();
    }

    /** @param late how many of them take 3 s instead of {@code latency} */
    private static List<TripRun> runs(int count, long latency, int late) {
        List<TripRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TripRun run = new TripRun(0, true, i * SECOND, 3);
            run.postStatus = 202;
            run.terminalStatus = "READY";
            run.terminalNanos = run.scheduledNanos + (i < late ? 3 * SECOND : latency);
            runs.add(run);
        }
        return runs;
    }
}
