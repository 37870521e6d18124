package io.itinera.events.enrichment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one part of a planning context comes from, and whether offline data stood in for a live provider.
 *
 * @param part {@code destination}, {@code points-of-interest}, {@code holidays}, {@code daylight}, {@code weather} or
 *     {@code exchange-rate}
 * @param source what supplied it, e.g. {@code open-meteo}, {@code climate-normals}, {@code geonames}
 * @param fallback true when a live provider was enabled but failed, so offline data was used instead
 * @param reason why the fallback was needed, e.g. {@code open-meteo: circuit breaker open}
 * @param fetchedAt when live data was fetched; absent for offline data
 */
public record ContextSource(
        String part,
        String source,
        boolean fallback,
        @Nullable String reason,
        @Nullable Instant fetchedAt) {}
