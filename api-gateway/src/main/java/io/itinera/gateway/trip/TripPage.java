package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code GET /api/v1/trips}: the caller's trips, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
record TripPage(List<Summary> data, @Nullable String nextCursor, Links links) {

    /** A trip in a listing: enough to choose which one to open. */
    @Schema(name = "TripSummary")
    record Summary(
            String id,
            TripStatus status,
            String destination,
            LocalDate startDate,
            LocalDate endDate,
            Instant createdAt,
            Instant updatedAt,
            TripView.Links links) {

        static Summary of(TripSnapshot trip) {
            return new Summary(
                    trip.tripId(),
                    trip.status(),
                    trip.request().destination(),
                    trip.request().startDate(),
                    trip.request().endDate(),
                    trip.createdAt(),
                    trip.updatedAt(),
                    TripView.Links.of(trip.tripId()));
        }
    }

    @Schema(name = "PageLinks")
    record Links(String self, @Nullable String next) {}
}
