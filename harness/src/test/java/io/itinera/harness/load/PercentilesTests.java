package io.itinera.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void nearestRankOfTheSortedSampleInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms
        }
        Percentiles percentiles = new Percentiles(nanos);

        assertThat(percentiles.millis(50)).isEqualTo(50.0);
        assertThat(percentiles.millis(99)).isEqualTo(99.0);
        assertThat(percentiles.millis(100)).isEqualTo(100.0);
    }

    @Test
    void unfinishedTripsMakeAHighPercentileInfiniteNotSmaller() {
        long[] nanos = {1_000_000, 2_000_000, 3_000_000, Percentiles.UNFINISHED};

        Percentiles percentiles = new Percentiles(nanos);

        assertThat(percentiles.millis(50)).isEqualTo(2.0);
        assertThat(percentiles.millis(99)).isInfinite();
        assertThat(new Percentiles(new long[0]).millis(50)).isNaN();
    }
}
