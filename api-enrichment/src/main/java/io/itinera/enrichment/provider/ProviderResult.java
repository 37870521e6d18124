package io.itinera.enrichment.provider;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a call to a live provider gave: a value and when it was fetched (possibly earlier, from the cache), or the
 * reason there is none.
 *
 * @param failure e.g. {@code open-meteo: circuit breaker open}; absent on success
 */
public record ProviderResult<T>(
        @Nullable T value,
        @Nullable Instant fetchedAt,
        @Nullable String failure) {

    static <T> ProviderResult<T> success(T value, Instant fetchedAt) {
        return new ProviderResult<>(value, fetchedAt, null);
    }

    public static <T> ProviderResult<T> failed(String reason) {
        return new ProviderResult<>(null, null, reason);
    }

    public boolean succeeded() {
        return value != null;
    }
}
