package io.itinera.enrichment.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One live provider behind Resilience4j: each attempt has a time limit and goes through the circuit breaker and the
 * bulkhead, failed attempts are retried with back-off; successful answers are cached. It never throws: a failure comes
 * back as a {@link ProviderResult} with the reason, so that the caller falls back to offline data.
 */
public final class Provider {

    static final String REQUESTS_TIMER = "itinera.provider.requests";

    private static final Logger log = LoggerFactory.getLogger(Provider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Cached(Object value, Instant fetchedAt) {}

    private final String name;
    private final ProviderSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final Cache<URI, Cached> cache;

    Provider(
            String name,
            ProviderSettings settings,
            HttpClient http,
            Clock clock,
            Ticker ticker,
            MeterRegistry meters,
            Resilience resilience) {
        this.name = name;
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.meters = meters;
        RetryPolicy policy = new RetryPolicy(settings);
        this.breaker = resilience
                .breakers()
                .circuitBreaker(
                        name,
                        CircuitBreakerConfig.custom()
                                .failureRateThreshold(settings.failureRateThreshold())
                                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                                .slidingWindowSize(settings.slidingWindowSize())
                                .minimumNumberOfCalls(settings.minimumCalls())
                                .waitDurationInOpenState(settings.openFor())
                                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                                .build());
        this.retry = resilience
                .retries()
                .retry(
                        name,
                        RetryConfig.custom()
                                .maxAttempts(settings.maxAttempts())
                                .intervalBiFunction(policy::waitMillis)
                                .retryOnException(policy::retries)
                                .build());
        this.bulkhead = resilience
                .bulkheads()
                .bulkhead(
                        name,
                        BulkheadConfig.custom()
                                .maxConcurrentCalls(settings.maxConcurrentCalls())
                                .maxWaitDuration(settings.maxBulkheadWait())
                                .build());
        this.timeLimiter = resilience
                .timeLimiters()
                .timeLimiter(
                        name,
                        TimeLimiterConfig.custom()
                                .timeoutDuration(settings.timeout())
                                .cancelRunningFuture(true)
                                .build());
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.cacheSize())
                .ticker(ticker)
                .build();
    }

    /** The Resilience4j registries every provider registers in, so that metrics cover them all. */
    record Resilience(
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            BulkheadRegistry bulkheads,
            TimeLimiterRegistry timeLimiters) {

        static Resilience create() {
            return new Resilience(
                    CircuitBreakerRegistry.ofDefaults(),
                    RetryRegistry.ofDefaults(),
                    BulkheadRegistry.ofDefaults(),
                    TimeLimiterRegistry.ofDefaults());
        }
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public URI baseUrl() {
        return settings.baseUrl();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** GETs a JSON document and parses it; never throws. */
    public <T> ProviderResult<T> get(URI uri, ResponseParser<T> parser) {
        if (!settings.enabled()) {
            return ProviderResult.failed(name + ": disabled");
        }
        Cached cached = cache.getIfPresent(uri);
        if (cached != null) {
            timer("cached").record(Duration.ZERO);
            @SuppressWarnings("unchecked")
            T value = (T) cached.value();
            return ProviderResult.success(value, cached.fetchedAt());
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            T value = retry.executeCallable(
                    () -> bulkhead.executeCallable(() -> breaker.executeCallable(() -> attempt(uri, parser))));
            Instant fetchedAt = clock.instant();
            cache.put(uri, new Cached(value, fetchedAt));
            outcome = "success";
            return ProviderResult.success(value, fetchedAt);
        } catch (Exception e) {
            String reason = name + ": " + RetryPolicy.reason(e, settings);
            log.warn("Provider call failed, falling back to offline data: {}", reason);
            return ProviderResult.failed(reason);
        } finally {
            sample.stop(timer(outcome));
        }
    }

    private <T> T attempt(URI uri, ResponseParser<T> parser) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout().plusSeconds(1)) // a backstop: the time limiter below decides
                .header("Accept", "application/json")
                .header("User-Agent", "itinera-api-enrichment")
                .GET()
                .build();
        HttpResponse<String> response =
                timeLimiter.executeFutureSupplier(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        int status = response.statusCode();
        if (status >= 300) {
            throw new ProviderHttpException(
                    status,
                    RetryPolicy.retryAfter(
                            response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return parser.parse(body);
        } catch (RuntimeException e) {
            throw new MalformedResponseException(
                    "malformed response (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Timer timer(String outcome) {
        return Timer.builder(REQUESTS_TIMER)
                .description("Calls to a live provider, by outcome: success, cached or failure (after retries)")
                .tag("provider", name)
                .tag("outcome", outcome)
                .register(meters);
    }
}
