package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioResultTests {

    @Test
    void aRunWhereEveryTripEndedReadyIsClean() {
        assertThat(result(Map.of(), 0).clean()).isTrue();
    }

    @Test
    void aTripThatEndedFailedMakesTheRunUnclean() {
        // the burst's trips are all valid, so a FAILED one (e.g. a stage-timeout after a lost request) is a defect
        assertThat(result(Map.of("/problems/stage-timeout", 1L), 0).clean()).isFalse();
    }

    @Test
    void aStrandedTripMakesTheRunUnclean() {
        assertThat(result(Map.of(), 1).clean()).isFalse();
    }

    private static ScenarioResult result(Map<String, Long> failed, int stranded) {
        int accepted = 10;
        long failures = failed.values().stream().mapToLong(Long::longValue).sum();
        return new ScenarioResult(
                Scenario.LOST_REQUESTS,
                accepted,
                accepted,
                (int) (accepted - failures - stranded),
                failed,
                stranded,
                0,
                0,
                Map.of(),
                Map.of(),
                0,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                1500,
                0,
                1.0);
    }
}
