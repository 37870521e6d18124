package io.itinera.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FinishingCapacityTests {

    private final FinishingCapacity capacity = new FinishingCapacity(Duration.ofSeconds(10), Duration.ofMinutes(5));

    private long now = 1_000_000;

    /** {@code perSecond} trips finishing at fixed intervals for {@code seconds}. */
    private void finishing(double perSecond, int seconds) {
        long interval = Math.round(1000 / perSecond);
        for (long end = now + seconds * 1000L; now + interval <= end; ) {
            now += interval;
            capacity.finished(now);
        }
    }

    @Test
    void nothingFinishedYetIsZero() {
        assertThat(capacity.perSecond(now)).isZero();
    }

    @Test
    void aSteadyRateReadsAsItselfOnceTheWindowIsFull() {
        finishing(10, 10);
        assertThat(capacity.perSecond(now)).isCloseTo(10, offset(1.0));

        finishing(10, 60);
        assertThat(capacity.perSecond(now)).isCloseTo(10, offset(1.0));
    }

    @Test
    void atSaturationWithIrregularFinishesTheEstimateStaysCloseToTheCapacity() {
        // given a saturated suite finishing 10 trips/s on average, at random intervals, for ten minutes
        Random random = new Random(11);
        for (int i = 0; i < 6_000; i++) {
            now += Math.round(-Math.log(1 - random.nextDouble()) * 100);
            capacity.finished(now);
        }

        // then the best sustained rate overstates it only by the noise of a 10 s window: the backlog it admits at a
        // 60 s target still finishes in about 60 s, not in minutes
        assertThat(capacity.perSecond(now)).isBetween(9.0, 12.5);
    }

    @Test
    void aWorkersShortOutageBarelyLowersTheEstimate() {
        // given ten seconds at 10 trips/s
        finishing(10, 10);

        // when nothing finishes for 15 s (a worker killed and restarted)
        now += 15_000;

        // then the sustained rate is gone, but the capacity is still about what the suite showed
        assertThat(capacity.sustainedPerSecond(now)).isZero();
        assertThat(capacity.perSecond(now)).isGreaterThan(9.0);
    }

    @Test
    void theBestRateSeenWinsOverALowerCurrentOne() {
        // given a backlog worked off at 30/s after a restart, then ordinary traffic at 5/s
        finishing(30, 10);
        finishing(5, 20);

        // then the capacity is the 30/s it proved, a little decayed
        assertThat(capacity.sustainedPerSecond(now)).isCloseTo(5, offset(1.0));
        assertThat(capacity.perSecond(now)).isCloseTo(30 * Math.exp(-20.0 / 300), offset(1.5));
    }

    @Test
    void aCapacityThatReallyDroppedIsForgottenInAFewTimeConstants() {
        // given 20/s, then the suite only manages 2/s for half an hour (e.g. every trip got longer)
        finishing(20, 10);
        finishing(2, 30 * 60);

        // then the estimate is the new rate, not the old best
        assertThat(capacity.perSecond(now)).isCloseTo(2, offset(0.5));
    }

    @Test
    void aLongOutageFadesTheEstimateWithItsTimeConstant() {
        finishing(10, 10);

        now += 300_000;

        assertThat(capacity.perSecond(now)).isCloseTo(10 / Math.E, offset(0.5));
    }

    @Test
    void aClockThatStepsBackDoesNotCorruptTheWindow() {
        finishing(10, 10);
        double before = capacity.perSecond(now);

        capacity.finished(now - 5_000);

        assertThat(capacity.perSecond(now)).isGreaterThanOrEqualTo(before);
        assertThat(capacity.sustainedPerSecond(now + 20_000)).isZero();
    }
}
