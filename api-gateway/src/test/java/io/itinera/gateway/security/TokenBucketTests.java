package io.itinera.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void allowsABurstThenRefusesUntilRefilled() {
        TokenBucket bucket = new TokenBucket(3, 1.0, clock);

        assertThat(bucket.take().remaining()).isEqualTo(2);
        assertThat(bucket.take().remaining()).isEqualTo(1);
        assertThat(bucket.take().granted()).isTrue();
        TokenBucket.Take refused = bucket.take();

        assertThat(refused.granted()).isFalse();
        assertThat(refused.secondsUntilNext()).isEqualTo(1);
        assertThat(refused.secondsUntilFull()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(bucket.take().granted()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 5.0, clock);
        clock.advance(Duration.ofSeconds(60));

        bucket.take();
        bucket.take();

        assertThat(bucket.take().granted()).isFalse();
    }
}
