package io.itinera.events.trip;

import io.itinera.events.Failure;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.serde.RawJson;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one trip after folding every event applied so far; the value of the compacted {@code travel-trips.state}
 * topic.
 *
 * @param version how many events have changed this trip; strictly increasing
 * @param context what the planning context holds for the client, as enrichment wrote it
 * @param itinerary the plan, once {@code READY}, as the planner wrote it
 * @param history status changes and progress reports, oldest first
 * @param appliedEventIds the most recent event ids folded in, so a redelivered event changes nothing
 * @param acceptedSubmissionId the {@code eventId} of the {@code SubmitTrip} that created the trip (absent on trips
 *     created before it was recorded), so that a replayed submission can be told from a different one
 */
public record TripSnapshot(
        int schemaVersion,
        String tripId,
        String clientId,
        long version,
        TripStatus status,
        Instant createdAt,
        Instant updatedAt,
        TripRequest request,
        @Nullable RawJson<ContextSummary> context,
        @Nullable RawJson<Itinerary> itinerary,
        @Nullable Failure failure,
        List<ProgressEntry> history,
        List<String> appliedEventIds,
        @Nullable String acceptedSubmissionId)
        implements Followable {

    public static final int SCHEMA_VERSION = 1;
}
