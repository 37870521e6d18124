package io.itinera.enrichment.provider;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one live provider is reached and protected.
 *
 * @param enabled off by default: the service then works from its offline data alone
 * @param baseUrl where the provider answers, e.g. {@code https://api.open-meteo.com}
 * @param timeout the most one attempt may take, connection included
 * @param maxAttempts attempts per call, the first included
 * @param initialBackoff the wait before the second attempt; each later wait grows by {@code backoffMultiplier}
 * @param jitter how far (as a fraction) a wait may randomly stray from the exponential value
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting for; a longer one ends the call at once
 * @param maxConcurrentCalls the bulkhead: calls in flight at once; more wait up to {@code maxBulkheadWait}
 * @param failureRateThreshold the percentage of failed calls (over the last {@code slidingWindowSize}, once there have
 *     been {@code minimumCalls}) that opens the circuit breaker
 * @param openFor how long an open breaker refuses calls before letting {@code halfOpenCalls} trial calls through
 * @param cacheTtl how long a successful answer is reused
 */
public record ProviderSettings(
        @DefaultValue("false") boolean enabled,
        @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration timeout,
        @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
        @DefaultValue("200ms") @NotNull Duration initialBackoff,
        @DefaultValue("2.0") @DecimalMin("1.0") double backoffMultiplier,

        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0")
        double jitter,

        @DefaultValue("5s") @NotNull Duration maxRetryAfter,
        @DefaultValue("8") @Min(1) int maxConcurrentCalls,
        @DefaultValue("100ms") @NotNull Duration maxBulkheadWait,
        @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
        @DefaultValue("10") @Min(1) int slidingWindowSize,
        @DefaultValue("5") @Min(1) int minimumCalls,
        @DefaultValue("30s") @NotNull Duration openFor,
        @DefaultValue("2") @Min(1) int halfOpenCalls,
        @DefaultValue("1h") @NotNull Duration cacheTtl,
        @DefaultValue("1000") @Min(1) int cacheSize) {

    /** Production defaults for a provider at an address, switched on or off. */
    public static ProviderSettings defaults(URI baseUrl, boolean enabled) {
        return new ProviderSettings(
                enabled,
                baseUrl,
                Duration.ofSeconds(2),
                3,
                Duration.ofMillis(200),
                2.0,
                0.5,
                Duration.ofSeconds(5),
                8,
                Duration.ofMillis(100),
                50,
                10,
                5,
                Duration.ofSeconds(30),
                2,
                Duration.ofHours(1),
                1000);
    }
}
