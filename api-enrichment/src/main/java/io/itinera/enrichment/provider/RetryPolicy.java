package io.itinera.enrichment.provider;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.functions.Either;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Which failures are worth another attempt, and how long to wait first: exponential back-off with jitter, but never
 * less than the provider's {@code Retry-After}; a {@code Retry-After} beyond {@code maxRetryAfter} is not waited for.
 */
final class RetryPolicy {

    private final ProviderSettings settings;

    RetryPolicy(ProviderSettings settings) {
        this.settings = settings;
    }

    boolean retries(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ProviderHttpException http) {
            if (http.status() == 429) {
                Duration retryAfter = http.retryAfter();
                return retryAfter == null || retryAfter.compareTo(settings.maxRetryAfter()) <= 0;
            }
            return http.status() >= 500 || http.status() == 408;
        }
        return cause instanceof TimeoutException || cause instanceof IOException;
    }

    /** Milliseconds to wait before attempt {@code attempt + 1}. */
    long waitMillis(int attempt, Either<Throwable, ?> outcome) {
        double exponential = settings.initialBackoff().toMillis() * Math.pow(settings.backoffMultiplier(), attempt - 1);
        double jittered = exponential
                * (1 + settings.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        long wait = Math.round(Math.max(0, jittered));
        if (outcome.isLeft() && unwrap(outcome.getLeft()) instanceof ProviderHttpException http) {
            Duration retryAfter = http.retryAfter();
            if (retryAfter != null) {
                wait = Math.max(wait, retryAfter.toMillis());
            }
        }
        return wait;
    }

    /** A {@code Retry-After} value: seconds, or an HTTP date; absent when missing or unreadable. */
    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Why a call failed, in words an operator can act on. */
    static String reason(Throwable failure, ProviderSettings settings) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (cause instanceof BulkheadFullException) {
            return "too many concurrent calls (bulkhead full)";
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "timed out after " + settings.timeout().toMillis() + " ms";
        }
        if (cause instanceof ProviderHttpException http && http.status() == 429 && http.retryAfter() != null) {
            Duration retryAfter = http.retryAfter();
            return retryAfter.compareTo(settings.maxRetryAfter()) > 0
                    ? "%s, longer than the %d s worth waiting"
                            .formatted(
                                    http.getMessage(), settings.maxRetryAfter().toSeconds())
                    : messageOf(http);
        }
        if (cause instanceof ProviderHttpException || cause instanceof MalformedResponseException) {
            return messageOf(cause);
        }
        return "%s (%s)".formatted(cause.getClass().getSimpleName(), cause.getMessage());
    }

    // Our provider exceptions always carry a message; the class name stands in should one not.
    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message != null ? message : failure.getClass().getSimpleName();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
