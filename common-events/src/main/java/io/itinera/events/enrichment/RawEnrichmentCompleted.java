package io.itinera.events.enrichment;

import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.RawForm;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.ContextSummary;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link EnrichmentCompleted} as the gateway's saga reads it: the context and its summary stay JSON, forwarded to
 * generation and to the trip's snapshot without being bound.
 */
public record RawEnrichmentCompleted(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        Outcome outcome,
        @Nullable RawJson<PlanningContext> context,
        @Nullable Failure failure,
        @Nullable RawJson<ContextSummary> summary)
        implements RawForm<EnrichmentCompleted> {

    @Override
    public String key() {
        return tripId;
    }

    @Override
    public Class<EnrichmentCompleted> formOf() {
        return EnrichmentCompleted.class;
    }
}
