package io.itinera.events.trip;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a trip's history: a status change or a worker's progress report.
 *
 * @param sequence position in the trip's history, starting at 1; SSE clients resume from it
 * @param stage {@code trip}, {@code enrichment} or {@code generation}
 */
public record ProgressEntry(
        long sequence,
        Instant occurredAt,
        String stage,
        TripStatus status,
        @Nullable String step,
        int percent,
        String message) {}
