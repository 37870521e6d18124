package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Instant;

/** For tests outside this package: tells a {@link TripIndex} that a trip's snapshot arrived, as the read model does. */
public final class TripIndexFeed {

    private TripIndexFeed() {}

    public static void arrived(TripIndex index, String tripId, String clientId, TripStatus status, Instant createdAt) {
        index.updated(tripId, new TripsByClient.Entry(tripId, clientId, createdAt, status), createdAt.toEpochMilli());
    }
}
