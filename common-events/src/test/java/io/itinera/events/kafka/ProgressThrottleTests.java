package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressThrottleTests {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ProgressThrottle throttle = new ProgressThrottle(Duration.ofMillis(250), nanos::get);

    @Test
    void aStageThatHasJustStartedHasNothingWorthReporting() {
        advance(249);

        assertThat(throttle.due()).isFalse();
    }

    @Test
    void reportsOnceTheStageHasRunTheIntervalAndThenCountsFromThatReport() {
        advance(250);
        assertThat(throttle.due()).isTrue();

        advance(200);
        assertThat(throttle.due()).as("200 ms after the last report").isFalse();

        advance(50);
        assertThat(throttle.due()).as("250 ms after the last report").isTrue();
        assertThat(throttle.due()).as("no time passed since").isFalse();
    }

    @Test
    void aZeroIntervalReportsEverything() {
        ProgressThrottle everything = new ProgressThrottle(Duration.ZERO, nanos::get);

        assertThat(everything.due()).isTrue();
        assertThat(everything.due()).isTrue();
    }

    private void advance(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
