package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Instant;

/**
 * One record of {@code travel-trips.state} as the read model takes it: the snapshot's JSON, kept as it came, and what
 * the indexes need (status, owner, creation time), read from the record's headers when the saga wrote them and from
 * the JSON otherwise.
 */
record TripState(byte[] json, TripStatus status, String clientId, Instant createdAt) {

    TripsByClient.Entry entry(String tripId) {
        return new TripsByClient.Entry(tripId, clientId, createdAt, status);
    }
}
