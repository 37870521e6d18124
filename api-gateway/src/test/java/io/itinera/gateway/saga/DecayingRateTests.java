package io.itinera.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayingRateTests {

    @Test
    void aSteadyRateReadsAsItselfAndFadesOnceEventsStop() {
        DecayingRate rate = new DecayingRate(Duration.ofSeconds(30));
        long now = 1_000_000;
        // five events per second for five minutes: ten time constants, so the start is forgotten
        for (int i = 0; i < 5 * 300; i++) {
            now += 200;
            rate.mark(now);
        }
        assertThat(rate.perSecond(now)).isCloseTo(5.0, offset(0.1));

        // one time constant of silence leaves about 1/e of it
        assertThat(rate.perSecond(now + 30_000)).isCloseTo(5.0 / Math.E, offset(0.1));
        assertThat(rate.perSecond(now + 600_000)).isLessThan(0.001);
    }

    @Test
    void nothingYetIsZero() {
        assertThat(new DecayingRate(Duration.ofSeconds(30)).perSecond(42)).isZero();
    }
}
