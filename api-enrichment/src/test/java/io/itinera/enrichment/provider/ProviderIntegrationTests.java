package io.itinera.enrichment.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One provider against a local stub server: success and caching (and the cache's expiry), 500, timeout, malformed
 * body, 429 with Retry-After, a full bulkhead, and the circuit breaker opening and recovering through half-open. Every
 * failure comes back as a reason, never as an exception, so callers can fall back.
 */
class ProviderIntegrationTests {

    private static final ResponseParser<Integer> VALUE =
            body -> body.required("value").asInt();

    private static final WireMockServer stub = new WireMockServer(options().dynamicPort());

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Provider provider;
    private String path;
    private URI uri;

    @BeforeAll
    static void start() {
        stub.start();
        TestProviders.warmUp(stub.baseUrl());
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @BeforeEach
    void freshProvider() {
        stub.resetAll();
        // The breaker stays open for a second: long enough that "refused while open" cannot race the wait on a
        // loaded machine, short enough for the half-open recovery to be awaited.
        provider = new ProviderFactory(Clock.systemUTC(), meters)
                .create("stub", TestProviders.openingFor(URI.create(stub.baseUrl()), Duration.ofSeconds(1)));
        // a path of its own, so that requests a slow stub still answers for an earlier test do not count here
        path = "/value/" + UUID.randomUUID();
        uri = URI.create(stub.baseUrl() + path);
    }

    @Test
    void returnsTheParsedValueAndServesRepeatsFromTheCache() {
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 42}")));

        ProviderResult<Integer> first = provider.get(uri, VALUE);
        ProviderResult<Integer> second = provider.get(uri, VALUE);

        assertThat(first.value()).isEqualTo(42);
        assertThat(first.fetchedAt()).isNotNull();
        assertThat(second.value()).isEqualTo(42);
        assertThat(second.fetchedAt()).isEqualTo(first.fetchedAt());
        stub.verify(1, getRequestedFor(urlPathEqualTo(path)));
        assertThat(meters.get(Provider.REQUESTS_TIMER)
                        .tag("outcome", "cached")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void reusesACachedAnswerWithinItsTimeToLiveAndFetchesItAgainAfterwards() {
        // given a provider whose clock and cache ticker only move when the test says so
        ManualTime time = new ManualTime();
        ProviderSettings settings = TestProviders.fast(URI.create(stub.baseUrl()));
        Duration ttl = settings.cacheTtl();
        Provider caching = new ProviderFactory(time, time, meters).create("caching", settings);
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 42}")));
        ProviderResult<Integer> first = caching.get(uri, VALUE);
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 43}")));

        // when asked again just before the time to live runs out, then just after
        time.advance(ttl.minusSeconds(1));
        ProviderResult<Integer> withinTtl = caching.get(uri, VALUE);
        time.advance(Duration.ofSeconds(2));
        ProviderResult<Integer> afterTtl = caching.get(uri, VALUE);

        // then the first answer is reused, fetch time included, and only the expired one is fetched again
        assertThat(first.value()).isEqualTo(42);
        assertThat(withinTtl).isEqualTo(first);
        assertThat(afterTtl.value()).isEqualTo(43);
        assertThat(afterTtl.fetchedAt()).isEqualTo(first.fetchedAt().plus(ttl).plusSeconds(1));
        stub.verify(2, getRequestedFor(urlPathEqualTo(path)));
        assertThat(meters.get(Provider.REQUESTS_TIMER)
                        .tag("provider", "caching")
                        .tag("outcome", "cached")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theBulkheadRefusesCallsBeyondItsLimitWithoutReachingTheProvider() throws Exception {
        // given a bulkhead of two, both taken by calls still in flight
        Provider narrow = new ProviderFactory(Clock.systemUTC(), meters)
                .create("narrow", TestProviders.withBulkhead(URI.create(stub.baseUrl()), 2, Duration.ofMillis(50)));
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 5}")));
        try (HeldCalls inFlight = new HeldCalls()) {
            inFlight.hold(narrow, URI.create(uri + "?held=1"));
            inFlight.hold(narrow, URI.create(uri + "?held=2"));
            assertThat(meters.get("resilience4j.bulkhead.available.concurrent.calls")
                            .tag("name", "narrow")
                            .gauge()
                            .value())
                    .isZero();

            // when a third call comes
            ProviderResult<Integer> refused = narrow.get(uri, VALUE);

            // then it is refused without reaching the provider, and not retried
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.failure()).isEqualTo("narrow: too many concurrent calls (bulkhead full)");
            assertThat(requests()).isEqualTo(2);
            assertThat(meters.get("resilience4j.retry.calls")
                            .tag("name", "narrow")
                            .tag("kind", "failed_without_retry")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);

            // and the calls in flight are not disturbed
            assertThat(inFlight.release()).extracting(ProviderResult::value).containsExactly("released", "released");
        }

        // and once they are done there is room again
        assertThat(narrow.get(uri, VALUE).value()).isEqualTo(5);
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void retriesAServerErrorThenReportsIt() {
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));

        ProviderResult<Integer> result = provider.get(uri, VALUE);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).isEqualTo("stub: HTTP 500");
        stub.verify(2, getRequestedFor(urlPathEqualTo(path)));
        assertThat(meters.get(Provider.REQUESTS_TIMER)
                        .tag("outcome", "failure")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void givesUpOnASlowProviderAfterItsTimeLimit() {
        stub.stubFor(
                get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 1}").withFixedDelay(2500)));

        long started = System.nanoTime();
        ProviderResult<Integer> result = provider.get(uri, VALUE);

        assertThat(result.failure()).isEqualTo("stub: timed out after 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500 * 2));
    }

    @Test
    void aMalformedBodyIsReportedAndNotRetried() {
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": ")));

        ProviderResult<Integer> broken = provider.get(uri, VALUE);
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"other\": 1}")));
        ProviderResult<Integer> incomplete = provider.get(URI.create(uri + "?again"), VALUE);

        assertThat(broken.failure()).startsWith("stub: malformed response");
        assertThat(incomplete.failure()).startsWith("stub: malformed response");
        stub.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void waitsForTheRetryAfterOfA429ThenSucceeds() {
        stub.stubFor(get(urlPathEqualTo(path))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        stub.stubFor(get(urlPathEqualTo(path))
                .inScenario("throttled")
                .whenScenarioStateIs("calm")
                .willReturn(okJson("{\"value\": 7}")));

        long started = System.nanoTime();
        ProviderResult<Integer> result = provider.get(uri, VALUE);

        assertThat(result.value()).isEqualTo(7);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        stub.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void doesNotWaitForARetryAfterLongerThanWorthWaiting() {
        stub.stubFor(
                get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ProviderResult<Integer> result = provider.get(uri, VALUE);

        assertThat(result.failure()).isEqualTo("stub: HTTP 429, Retry-After 120s, longer than the 2 s worth waiting");
        stub.verify(1, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void theBreakerOpensOnFailuresThenRecoversThroughHalfOpen() {
        // given a provider that keeps failing: two calls of two attempts each fill the breaker's window
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        provider.get(uri, VALUE);
        provider.get(uri, VALUE);
        assertThat(provider.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int requestsWhenOpened = requests();

        // when it is called while open, it does not reach the provider
        ProviderResult<Integer> refused = provider.get(uri, VALUE);

        // then
        assertThat(refused.failure()).isEqualTo("stub: circuit breaker open");
        assertThat(requests()).isEqualTo(requestsWhenOpened);

        // and once the provider heals, a trial call in half-open closes the breaker again
        stub.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"value\": 3}")));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> provider.get(uri, VALUE).succeeded());
        assertThat(provider.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tag("name", "stub")
                        .tag("state", "closed")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    @Test
    void aDisabledProviderIsNeverCalled() {
        Provider off = new ProviderFactory(Clock.systemUTC(), meters)
                .create("off", ProviderSettings.defaults(URI.create(stub.baseUrl()), false));

        assertThat(off.get(uri, VALUE).failure()).isEqualTo("off: disabled");
        assertThat(requests()).isZero();
    }

    private int requests() {
        return stub.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    /** A clock and a cache ticker that stand still until the test moves them on. */
    private static final class ManualTime extends Clock implements Ticker {

        private static final Instant START = Instant.parse("2027-03-20T09:00:00Z");

        private final AtomicLong elapsedNanos = new AtomicLong();

        void advance(Duration duration) {
            elapsedNanos.addAndGet(duration.toNanos());
        }

        @Override
        public long read() {
            return elapsedNanos.get();
        }

        @Override
        public Instant instant() {
            return START.plusNanos(elapsedNanos.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the providers only ask for instants");
        }
    }
}
