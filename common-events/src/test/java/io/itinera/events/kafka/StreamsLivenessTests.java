package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StreamsLivenessTests {

    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final MovableClock clock = new MovableClock(Instant.parse("2027-05-01T10:00:00Z"));
    private final StreamsLiveness liveness = new StreamsLiveness(state::get, Duration.ofSeconds(60), clock);

    @Test
    void staysUpWhileRunningOrRebalancing() {
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        state.set(KafkaStreams.State.REBALANCING);
        clock.advance(Duration.ofMinutes(5));
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void goesDownOnlyAfterBeingStoppedForLongerThanTheGrace() {
        state.set(KafkaStreams.State.ERROR);
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(59));
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(2));
        assertThat(liveness.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aRecoveryRestartsTheGrace() {
        state.set(KafkaStreams.State.NOT_RUNNING);
        liveness.health();
        clock.advance(Duration.ofSeconds(50));
        state.set(KafkaStreams.State.RUNNING);
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
        state.set(KafkaStreams.State.PENDING_SHUTDOWN);
        liveness.health();
        clock.advance(Duration.ofSeconds(50));
        assertThat(liveness.health().getStatus()).isEqualTo(Status.UP);
    }
}
