package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.TripsByClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of trips ended: the last trip's creation time and id, opaque to clients. Stable under inserts, since
 * new trips sort before every cursor.
 */
record TripCursor(Instant createdAt, String tripId) {

    static TripCursor after(TripSnapshot trip) {
        return new TripCursor(trip.createdAt(), trip.tripId());
    }

    /** Where the cursor stands in the index of the client's trips. */
    TripsByClient.Position position() {
        return new TripsByClient.Position(createdAt, tripId);
    }

    String encode() {
        String raw = createdAt + "|" + tripId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TripCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new TripCursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw Problem.invalidRequest(
                    List.of(new Problem.FieldProblem("cursor", "is not a cursor this API returned")));
        }
    }
}
