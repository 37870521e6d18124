package io.itinera.events.enrichment;

import io.itinera.events.Event;
import io.itinera.events.trip.TripRequest;
import java.time.Instant;
import java.util.UUID;

/** The gateway asks for the planning context of a trip. */
public record EnrichmentRequested(
        int schemaVersion, UUID eventId, Instant occurredAt, String tripId, TripRequest request) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static EnrichmentRequested of(String tripId, TripRequest request) {
        return new EnrichmentRequested(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, request);
    }
}
