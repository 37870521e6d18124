package io.itinera.gateway.trip;

import io.itinera.events.Failure;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.ContextSummary;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trip as {@code GET /api/v1/trips/{id}} shows it.
 *
 * @param context the planning context's summary, written as enrichment wrote it (never bound on the way)
 * @param itinerary the plan, written as the planner wrote it (never bound on the way)
 * @param error why the trip failed, as a problem detail, when its status is {@code FAILED}
 * @param progress status changes and workers' progress reports, oldest first
 */
record TripView(
        String id,
        TripStatus status,
        Instant createdAt,
        Instant updatedAt,
        TripRequest request,

        @Schema(implementation = ContextSummary.class) @Nullable
        RawJson<ContextSummary> context,

        @Schema(implementation = Itinerary.class) @Nullable RawJson<Itinerary> itinerary,
        @Nullable ErrorView error,
        List<ProgressEntry> progress,
        Links links) {

    @Schema(name = "TripError")
    record ErrorView(String type, String title, String detail) {

        static @Nullable ErrorView of(@Nullable Failure failure) {
            return failure == null
                    ? null
                    : new ErrorView("/problems/" + failure.code(), titleOf(failure.code()), failure.reason());
        }

        private static String titleOf(String code) {
            String words = code.replace('-', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    @Schema(name = "TripLinks")
    record Links(String self, String events) {

        static Links of(String tripId) {
            String self = TripController.PATH + "/" + tripId;
            return new Links(self, self + "/events");
        }
    }

    static TripView of(TripSnapshot trip) {
        return new TripView(
                trip.tripId(),
                trip.status(),
                trip.createdAt(),
                trip.updatedAt(),
                trip.request(),
                trip.context(),
                trip.itinerary(),
                ErrorView.of(trip.failure()),
                trip.history(),
                Links.of(trip.tripId()));
    }
}
