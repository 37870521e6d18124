package io.itinera.gateway.saga;

import io.itinera.events.EventHeaders;
import io.itinera.events.Failure;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.ContextSummary;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * What the trip saga keeps of a trip between two events (the value of {@code trip-saga-store} and its changelog):
 * the {@link TripSnapshot} without the itinerary, which the saga writes to the state topic once, with {@code READY},
 * and never reads again. The context summary stays, as bytes: every later snapshot shows it.
 *
 * <p>Its JSON is the snapshot's minus {@code itinerary}, with the same names, so a store value written before this
 * record existed (a whole snapshot) reads as one: the extra field is skipped.
 */
record TripWorkingState(
        int schemaVersion,
        String tripId,
        String clientId,
        long version,
        TripStatus status,
        Instant createdAt,
        Instant updatedAt,
        TripRequest request,
        @Nullable RawJson<ContextSummary> context,
        @Nullable Failure failure,
        List<ProgressEntry> history,
        List<String> appliedEventIds,
        @Nullable String acceptedSubmissionId) {

    /** The snapshot clients read, without an itinerary. */
    TripSnapshot view() {
        return view(null);
    }

    /** The snapshot clients read. */
    TripSnapshot view(@Nullable RawJson<Itinerary> itinerary) {
        return new TripSnapshot(
                schemaVersion,
                tripId,
                clientId,
                version,
                status,
                createdAt,
                updatedAt,
                request,
                context,
                itinerary,
                failure,
                history,
                appliedEventIds,
                acceptedSubmissionId);
    }

    TripWorkingState withContext(RawJson<ContextSummary> summary) {
        return new TripWorkingState(
                schemaVersion,
                tripId,
                clientId,
                version,
                status,
                createdAt,
                updatedAt,
                request,
                summary,
                failure,
                history,
                appliedEventIds,
                acceptedSubmissionId);
    }

    /** The headers of its state record: what an index of trips needs, without parsing the snapshot. */
    void describe(Headers headers) {
        EventHeaders.describeState(headers, status.name(), clientId, createdAt, acceptedSubmissionId);
    }
}
