package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each client to its token bucket, answering {@code 429} with {@code Retry-After} when it is empty, and
 * reporting the budget in {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every
 * answer. Buckets live in each replica's memory: N replicas allow up to N times the budget (see docs/api.md); Traefik
 * adds a per-IP limit in front. Part of the security chain, right after authentication (see
 * {@link SecurityConfiguration}), so that it counts per authenticated client.
 */
final class RateLimitFilter implements WebFilter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApiClient client = exchange.getAttribute(ApiClient.ATTRIBUTE);
        if (!properties.enabled() || client == null) {
            return chain.filter(exchange);
        }
        RateLimitProperties.Budget budget = properties.budgetOf(client.id());
        TokenBucket bucket = buckets.computeIfAbsent(
                client.id(), id -> new TokenBucket(budget.capacity(), budget.refillPerSecond(), clock));
        TokenBucket.Take take = bucket.take();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(budget.capacity()));
        headers.set("RateLimit-Remaining", Long.toString(take.remaining()));
        headers.set("RateLimit-Reset", Long.toString(take.secondsUntilFull()));
        if (!take.granted()) {
            return Mono.error(new Problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            "Too many requests",
                            "This API key allows " + budget.capacity() + " requests in a burst and "
                                    + budget.refillPerSecond() + " per second; retry after the indicated delay.")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(take.secondsUntilNext())));
        }
        return chain.filter(exchange);
    }
}
