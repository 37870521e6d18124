package io.itinera.events.enrichment;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.trip.ContextSummary;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Enrichment ended for a trip: with a planning context, or with the reason it could not build one.
 *
 * @param context present when the outcome is {@link Outcome#SUCCEEDED}
 * @param failure present when the outcome is {@link Outcome#FAILED}
 * @param summary what a client sees of the context ({@link ContextSummary#of}), present with it, so that the gateway
 *     reads this instead of the whole context (absent from producers older than the field)
 */
public record EnrichmentCompleted(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        Outcome outcome,
        @Nullable PlanningContext context,
        @Nullable Failure failure,
        @Nullable ContextSummary summary)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static EnrichmentCompleted succeeded(String tripId, PlanningContext context) {
        return new EnrichmentCompleted(
                SCHEMA_VERSION,
                UUID.randomUUID(),
                Instant.now(),
                tripId,
                Outcome.SUCCEEDED,
                context,
                null,
                ContextSummary.of(context));
    }

    public static EnrichmentCompleted failed(String tripId, Failure failure) {
        return new EnrichmentCompleted(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, Outcome.FAILED, null, failure, null);
    }
}
