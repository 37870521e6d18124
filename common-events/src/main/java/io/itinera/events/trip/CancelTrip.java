package io.itinera.events.trip;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: cancel a client's trip; the saga stops it and ignores whatever the workers still report.
 *
 * @param clientId the authenticated API client asking; only the trip's owner may cancel it
 */
public record CancelTrip(
        int schemaVersion, UUID eventId, Instant occurredAt, String tripId, String clientId, String requestId)
        implements TripCommand {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static CancelTrip of(String tripId, String clientId, String requestId) {
        return new CancelTrip(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, clientId, requestId);
    }
}
