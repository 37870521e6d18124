package io.itinera.enrichment.provider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Providers for tests: all off, or one pointed at a stub server with settings fast enough for tests. */
public final class TestProviders {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private TestProviders() {}

    /**
     * Sends one request to a freshly started stub server, so that the first real call of a test does not pay for
     * class loading and server warm-up on the clock of a 400 ms time limit.
     */
    public static void warmUp(String baseUrl) {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/mappings"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Providers offline() {
        ProviderSettings off = ProviderSettings.defaults(NOWHERE, false);
        return new ProviderFactory(Clock.systemUTC(), new SimpleMeterRegistry())
                .create(new ProviderProperties(off, off, off));
    }

    /** Every provider on, all at one stub server, with short timeouts and back-off. */
    public static Providers stubbed(String baseUrl, Clock clock, MeterRegistry meters) {
        return stubbed(fast(URI.create(baseUrl)), clock, meters);
    }

    /** Every provider on with the same settings, e.g. {@link #fast}, {@link #openingFor} or {@link #withBulkhead}. */
    public static Providers stubbed(ProviderSettings on, Clock clock, MeterRegistry meters) {
        return new ProviderFactory(clock, meters).create(new ProviderProperties(on, on, on));
    }

    /** Test settings: 700 ms time limit, 2 attempts 20 ms apart, a breaker that opens after 4 calls, half of them failed. */
    public static ProviderSettings fast(URI baseUrl) {
        return fast(baseUrl, Duration.ofMillis(300), 4, Duration.ofMillis(100));
    }

    /** The {@link #fast} settings with a breaker that, once open, refuses calls for {@code openFor}. */
    public static ProviderSettings openingFor(URI baseUrl, Duration openFor) {
        return fast(baseUrl, openFor, 4, Duration.ofMillis(100));
    }

    /** The {@link #fast} settings with a bulkhead of {@code maxConcurrentCalls} that waits {@code maxWait} for room. */
    public static ProviderSettings withBulkhead(URI baseUrl, int maxConcurrentCalls, Duration maxWait) {
        return fast(baseUrl, Duration.ofMillis(300), maxConcurrentCalls, maxWait);
    }

    /**
     * The {@link #fast} settings with a 10 s time limit, for tests of what a provider's answer means rather than of
     * its faults: on a loaded machine (modules built in parallel) a healthy stub's first answer can take longer than
     * 700 ms.
     */
    public static ProviderSettings patient(URI baseUrl) {
        return settings(baseUrl, Duration.ofSeconds(10), Duration.ofMillis(300), 4, Duration.ofMillis(100));
    }

    private static ProviderSettings fast(URI baseUrl, Duration openFor, int maxConcurrentCalls, Duration maxWait) {
        return settings(baseUrl, Duration.ofMillis(700), openFor, maxConcurrentCalls, maxWait);
    }

    private static ProviderSettings settings(
            URI baseUrl, Duration timeLimit, Duration openFor, int maxConcurrentCalls, Duration maxWait) {
        return new ProviderSettings(
                true,
                baseUrl,
                timeLimit,
                2,
                Duration.ofMillis(20),
                2.0,
                0.5,
                Duration.ofSeconds(2),
                maxConcurrentCalls,
                maxWait,
                50,
                4,
                4,
                openFor,
                1,
                Duration.ofMinutes(5),
                100);
    }
}
