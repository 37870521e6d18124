package io.itinera.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private final ApiKeyStoreTests.MutableClock clock = new ApiKeyStoreTests.MutableClock();

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
        clock.advanceSeconds(1);
        assertThat(bucket.take().granted()).isTrue();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 5.0, clock);
        clock.advanceSeconds(60);

        bucket.take();
        bucket.take();

        assertThat(bucket.take().granted()).isFalse();
    }
}
