package io.itinera.events.enrichment;

import io.itinera.events.Event;
import io.itinera.events.StageProgress;
import java.time.Instant;
import java.util.UUID;

/** Enrichment finished one step of its work for a trip. */
public record EnrichmentProgress(
        int schemaVersion, UUID eventId, Instant occurredAt, String tripId, StageProgress progress) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static EnrichmentProgress of(String tripId, String step, int percent, String message) {
        return new EnrichmentProgress(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, new StageProgress(step, percent, message));
    }
}
