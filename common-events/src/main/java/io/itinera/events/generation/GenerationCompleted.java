package io.itinera.events.generation;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generation ended for a trip.
 *
 * @param itinerary present when the outcome is {@link Outcome#SUCCEEDED}
 * @param failure present when the outcome is {@link Outcome#FAILED}
 */
public record GenerationCompleted(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        Outcome outcome,
        @Nullable Itinerary itinerary,
        @Nullable Failure failure)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static GenerationCompleted succeeded(String tripId, Itinerary itinerary) {
        return new GenerationCompleted(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, Outcome.SUCCEEDED, itinerary, null);
    }

    public static GenerationCompleted failed(String tripId, Failure failure) {
        return new GenerationCompleted(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, Outcome.FAILED, null, failure);
    }
}
