package io.itinera.gateway.security;

import java.time.Clock;

/** A classic token bucket: holds up to {@code capacity} tokens, refilled continuously. Thread-safe. */
final class TokenBucket {

    private final int capacity;
    private final double refillPerSecond;
    private final Clock clock;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(int capacity, double refillPerSecond, Clock clock) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = clock;
        this.tokens = capacity;
        this.refilledAtNanos = nanos();
    }

    /** The outcome of one request: whether it may pass, and the numbers for the response headers. */
    record Take(boolean granted, long remaining, long secondsUntilNext, long secondsUntilFull) {}

    synchronized Take take() {
        long now = nanos();
        tokens = Math.min(capacity, tokens + (now - refilledAtNanos) / 1e9 * refillPerSecond);
        refilledAtNanos = now;
        boolean granted = tokens >= 1;
        if (granted) {
            tokens -= 1;
        }
        long untilNext = granted ? 0 : (long) Math.ceil((1 - tokens) / refillPerSecond);
        long untilFull = (long) Math.ceil((capacity - tokens) / refillPerSecond);
        return new Take(granted, (long) Math.floor(tokens), Math.max(untilNext, granted ? 0 : 1), untilFull);
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
