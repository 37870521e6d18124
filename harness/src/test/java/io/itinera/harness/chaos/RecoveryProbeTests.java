package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.harness.chaos.RecoveryProbe.Position;
import io.itinera.harness.chaos.RecoveryProbe.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecoveryProbeTests {

    private static final TopicPartition P0 = new TopicPartition("travel-generation.request", 0);
    private static final TopicPartition P1 = new TopicPartition("travel-generation.request", 1);
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aPartitionRecoversWhenItsCommittedOffsetMovesAgainAfterTheLongestStall() {
        // P0 advances every second except from the fault at 10 s to 17 s; P1 keeps advancing throughout
        List<Sample> samples = new ArrayList<>();
        long p0 = 0;
        for (int second = 0; second <= 25; second++) {
            if (second < 10 || second >= 17) {
                p0 += 2;
            }
            samples.add(new Sample(
                    second * SECOND, Map.of(P0, new Position(p0, p0 + 3), P1, new Position(second, second + 1))));
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, 10 * SECOND, 15 * SECOND))
                .isEqualTo(7 * SECOND);
    }

    @Test
    void aPartitionWithNothingWaitingButACommitMarkerNeedsNoRecoveryAndOneThatNeverMovesNeverRecovers() {
        List<Sample> idle = List.of(
                new Sample(0, Map.of(P0, new Position(5, 5))), new Sample(20 * SECOND, Map.of(P0, new Position(5, 5))));
        List<Sample> stuck = List.of(
                new Sample(0, Map.of(P0, new Position(5, 9))), new Sample(20 * SECOND, Map.of(P0, new Position(5, 9))));

        assertThat(RecoveryProbe.recoveryNanos(idle, SECOND, 2 * SECOND)).isZero();
        assertThat(RecoveryProbe.recoveryNanos(stuck, SECOND, 2 * SECOND)).isEqualTo(-1);
    }
}
