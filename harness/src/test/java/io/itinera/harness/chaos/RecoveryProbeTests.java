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
    void aStallThatBeginsAfterTheFaultsOwnIsCountedApartFromBeginningToEnd() {
        // P0 is taken over from the fault at 10 s to 17 s; when the replacement joins, it stalls again from 30 s to 33
        // s
        List<Sample> samples = new ArrayList<>();
        long p0 = 0;
        for (int second = 0; second <= 40; second++) {
            if (second < 10 || (second >= 17 && second < 30) || second >= 33) {
                p0 += 2;
            }
            samples.add(new Sample(second * SECOND, Map.of(P0, new Position(p0, p0 + 3))));
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, 10 * SECOND, 15 * SECOND))
                .isEqualTo(7 * SECOND);
        assertThat(RecoveryProbe.laterStallNanos(samples, 10 * SECOND, 15 * SECOND, Long.MAX_VALUE))
                .isEqualTo(4 * SECOND); // last seen moving at 29 s, moving again at 33 s
        assertThat(RecoveryProbe.laterStallNanos(samples, 10 * SECOND, 15 * SECOND, 25 * SECOND))
                .as("a stall after the next step's fault is that step's")
                .isZero();
    }

    @Test
    void aLaterStallThatNeverEndsIsMinusOne() {
        List<Sample> samples = new ArrayList<>();
        for (int second = 0; second <= 40; second++) {
            long committed = Math.min(second, 20);
            samples.add(new Sample(second * SECOND, Map.of(P0, new Position(committed, second + 2))));
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, 10 * SECOND, 15 * SECOND))
                .isZero();
        assertThat(RecoveryProbe.laterStallNanos(samples, 10 * SECOND, 15 * SECOND, Long.MAX_VALUE))
                .isEqualTo(-1);
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

    @Test
    void aPartitionWithRecordsWaitingIsStalledWhileTheBrokerIsAwayThoughNoSampleCanShowIt() {
        // P0 moves at every sample until the broker dies at 10 s; no sample can be read until it is back and P0 has
        // moved again, at 17 s
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            long nanos = i * SECOND / 4;
            if (nanos >= 10 * SECOND && nanos < 17 * SECOND) {
                samples.add(Sample.unreadable(nanos));
            } else {
                samples.add(new Sample(nanos, Map.of(P0, new Position(10L * i, 10L * i + 4))));
            }
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, 10 * SECOND, 16 * SECOND))
                .isEqualTo(7 * SECOND);
    }

    @Test
    void aPartitionThatKeepsMovingHasNoStallHoweverFarApartItsSamplesAre() {
        // P0 is sampled every 250 ms, except for a 4 s gap (a loaded machine) before the replacement is back at 20 s;
        // its committed offset moved between any two samples
        List<Sample> samples = new ArrayList<>();
        long nanos = 0;
        for (int i = 0; i < 100; i++) {
            nanos += i == 70 ? 4 * SECOND : SECOND / 4;
            samples.add(new Sample(nanos, Map.of(P0, new Position(10L * i, 10L * i + 4))));
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, 5 * SECOND, 20 * SECOND))
                .isZero();
    }

    @Test
    void anIdlePartitionWhoseFirstRecordIsProcessedAtOnceHasNoStall() {
        // nothing on P0 from the fault at 1 s until a record comes at 30 s, committed by the next sample
        List<Sample> samples = new ArrayList<>();
        for (int quarter = 0; quarter < 160; quarter++) {
            long committed = quarter <= 120 ? 5 : 7;
            long end = quarter < 120 ? 5 : 7;
            samples.add(new Sample(quarter * SECOND / 4, Map.of(P0, new Position(committed, end))));
        }

        assertThat(RecoveryProbe.recoveryNanos(samples, SECOND, 35 * SECOND)).isZero();
    }

    @Test
    void theStallsNameThePartitionAndWhenItsStallBeganAndEnded() {
        List<Sample> samples = new ArrayList<>();
        for (int second = 0; second <= 20; second++) {
            long p0 = second < 12 ? 0 : 2;
            samples.add(new Sample(second * SECOND, Map.of(P0, new Position(p0, 4))));
        }

        List<long[]> timeline = samples.stream()
                .map(sample -> new long[] {
                    sample.nanos(),
                    sample.positions().get(P0).committed(),
                    sample.positions().get(P0).end()
                })
                .toList();
        assertThat(RecoveryProbe.stalls(P0, timeline, 5 * SECOND))
                .extracting(stall -> stall.describe(5 * SECOND))
                .containsExactly(P0 + " from 0.0 s to 7.0 s", P0 + " from 7.0 s to the end");
    }
}
