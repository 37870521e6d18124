package io.itinera.enrichment.provider;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds providers that share one HTTP client and one set of Resilience4j registries, whose breaker state, retries,
 * bulkhead and time-limiter counts are published to Micrometer tagged with the provider's name.
 */
public final class ProviderFactory {

    private final HttpClient http;
    private final Clock clock;
    private final Ticker ticker;
    private final MeterRegistry meters;
    private final Provider.Resilience resilience = Provider.Resilience.create();

    public ProviderFactory(Clock clock, MeterRegistry meters) {
        this(clock, Ticker.systemTicker(), meters);
    }

    /** With the time source of the response caches given, so that tests can let cached answers expire. */
    ProviderFactory(Clock clock, Ticker ticker, MeterRegistry meters) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the providers speak HTTP/1.1; no h2c upgrade dance per request
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.clock = clock;
        this.ticker = ticker;
        this.meters = meters;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.breakers())
                .bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(resilience.retries()).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(resilience.bulkheads()).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(resilience.timeLimiters())
                .bindTo(meters);
    }

    public Provider create(String name, ProviderSettings settings) {
        return new Provider(name, settings, http, clock, ticker, meters, resilience);
    }

    public Providers create(ProviderProperties properties) {
        return new Providers(
                create(Providers.OPEN_METEO, properties.openMeteo()),
                create(Providers.FRANKFURTER, properties.frankfurter()),
                create(Providers.OVERPASS, properties.overpass()));
    }
}
