package io.itinera.events.trip;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: erase a client's finished trip; the saga forgets it and writes tombstones, so that no copy of it remains
 * once the topics are compacted.
 *
 * @param clientId the authenticated API client asking; only the trip's owner may erase it, and only once it ended
 */
public record EraseTrip(
        int schemaVersion, UUID eventId, Instant occurredAt, String tripId, String clientId, String requestId)
        implements TripCommand {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static EraseTrip of(String tripId, String clientId, String requestId) {
        return new EraseTrip(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, clientId, requestId);
    }
}
