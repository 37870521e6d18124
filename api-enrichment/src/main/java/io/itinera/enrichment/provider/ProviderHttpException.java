package io.itinera.enrichment.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A provider answered with an error status; {@code retryAfter} is its {@code Retry-After}, when it sent one. */
final class ProviderHttpException extends RuntimeException {

    private final int status;
    private final @Nullable Duration retryAfter;

    ProviderHttpException(int status, @Nullable Duration retryAfter) {
        super(
                retryAfter == null
                        ? "HTTP " + status
                        : "HTTP %d, Retry-After %ds".formatted(status, retryAfter.toSeconds()));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
