package io.itinera.enrichment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(ProviderSettings.defaults(URI.create("http://localhost"), true));

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2027-03-20T09:00:00Z");

        assertThat(RetryPolicy.retryAfter("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.retryAfter("Sat, 20 Mar 2027 09:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.retryAfter("soon", now)).isNull();
        assertThat(RetryPolicy.retryAfter(null, now)).isNull();
    }

    @Test
    void backsOffExponentiallyWithJitterButNeverBelowRetryAfter() {
        // defaults: 200 ms, doubling, up to 50 % jitter
        assertThat(policy.waitMillis(1, Either.left(new RuntimeException()))).isBetween(100L, 300L);
        assertThat(policy.waitMillis(3, Either.left(new RuntimeException()))).isBetween(400L, 1200L);
        assertThat(policy.waitMillis(1, Either.left(new ProviderHttpException(429, Duration.ofSeconds(4)))))
                .isEqualTo(4000L);
    }

    @Test
    void retriesOnlyWhatAnotherAttemptMightFix() {
        assertThat(policy.retries(new ProviderHttpException(503, null))).isTrue();
        assertThat(policy.retries(new ProviderHttpException(429, Duration.ofSeconds(2))))
                .isTrue();
        assertThat(policy.retries(new ProviderHttpException(429, Duration.ofMinutes(2))))
                .isFalse();
        assertThat(policy.retries(new ProviderHttpException(404, null))).isFalse();
        assertThat(policy.retries(new TimeoutException())).isTrue();
        assertThat(policy.retries(new MalformedResponseException("bad", new RuntimeException())))
                .isFalse();
    }
}
