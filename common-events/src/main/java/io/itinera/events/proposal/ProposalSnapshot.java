package io.itinera.events.proposal;

import io.itinera.events.Failure;
import io.itinera.events.trip.Followable;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one proposal request after folding its events; the value of the compacted
 * {@code travel-proposal.state} topic. Its status uses the trip's vocabulary: {@code PENDING}, {@code GENERATING}
 * while api-generation ranks, then {@code READY} or {@code FAILED}.
 *
 * @param proposals the ranked destinations, best first, once {@code READY}
 */
public record ProposalSnapshot(
        int schemaVersion,
        String proposalId,
        String clientId,
        long version,
        TripStatus status,
        Instant createdAt,
        Instant updatedAt,
        ProposalBrief brief,
        List<DestinationProposal> proposals,
        @Nullable Failure failure,
        List<ProgressEntry> history,
        List<String> appliedEventIds)
        implements Followable {

    public static final int SCHEMA_VERSION = 1;
}
