package io.itinera.events.generation;

import io.itinera.events.RawForm;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.TripRequest;
import java.time.Instant;
import java.util.UUID;

/** {@link GenerationRequested} as the gateway's saga writes it: the planning context copied as enrichment wrote it. */
public record RawGenerationRequested(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        TripRequest request,
        RawJson<PlanningContext> context)
        implements RawForm<GenerationRequested> {

    @Override
    public String key() {
        return tripId;
    }

    @Override
    public Class<GenerationRequested> formOf() {
        return GenerationRequested.class;
    }

    public static RawGenerationRequested of(String tripId, TripRequest request, RawJson<PlanningContext> context) {
        return new RawGenerationRequested(
                GenerationRequested.SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, request, context);
    }
}
