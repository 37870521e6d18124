package io.itinera.events.generation;

import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.RawForm;
import io.itinera.events.serde.RawJson;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@link GenerationCompleted} as the gateway's saga reads it: the itinerary stays JSON, stored as the planner wrote it. */
public record RawGenerationCompleted(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        Outcome outcome,
        @Nullable RawJson<Itinerary> itinerary,
        @Nullable Failure failure)
        implements RawForm<GenerationCompleted> {

    @Override
    public String key() {
        return tripId;
    }

    @Override
    public Class<GenerationCompleted> formOf() {
        return GenerationCompleted.class;
    }
}
