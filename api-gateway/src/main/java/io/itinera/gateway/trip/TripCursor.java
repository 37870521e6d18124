package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Where a page of trips ended: the last trip's creation time and id, opaque to clients. Stable under inserts, since
 * new trips sort before every cursor.
 */
record TripCursor(Instant createdAt, String tripId) {

    static final Comparator<TripSnapshot> NEWEST_FIRST = Comparator.comparing(TripSnapshot::createdAt)
            .thenComparing(TripSnapshot::tripId)
            .reversed();

    static TripCursor after(TripSnapshot trip) {
        return new TripCursor(trip.createdAt(), trip.tripId());
    }

    /** Whether the trip comes after this cursor in newest-first order. */
    boolean isBefore(TripSnapshot trip) {
        int byTime = trip.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && trip.tripId().compareTo(tripId) < 0);
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
