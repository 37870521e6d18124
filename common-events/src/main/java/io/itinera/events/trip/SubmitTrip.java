package io.itinera.events.trip;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: start a trip the client asked for; the saga starts it.
 *
 * @param clientId the authenticated API client that owns the trip
 * @param requestId the HTTP request id, carried into logs and headers
 */
public record SubmitTrip(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String tripId,
        String clientId,
        String requestId,
        TripRequest request)
        implements TripCommand {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return tripId;
    }

    public static SubmitTrip of(String tripId, String clientId, String requestId, TripRequest request) {
        return new SubmitTrip(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), tripId, clientId, requestId, request);
    }
}
