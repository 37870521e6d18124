package io.itinera.events.generation;

import io.itinera.events.Event;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.trip.TripRequest;
import java.time.Instant;
import java.util.UUID;

/** The gateway asks for an itinerary, given the request and its planning context. */
public record GenerationRequested(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        TripRequest request,
        PlanningContext context)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static GenerationRequested of(String tripId, TripRequest request, PlanningContext context) {
        return new GenerationRequested(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, request, context);
    }
}
