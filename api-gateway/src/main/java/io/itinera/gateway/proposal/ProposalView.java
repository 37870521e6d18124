package io.itinera.gateway.proposal;

import io.itinera.events.Failure;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A proposal request as {@code GET /api/v1/proposals/{id}} shows it: ranked destinations, best first, once READY. */
record ProposalView(
        String id,
        TripStatus status,
        Instant createdAt,
        Instant updatedAt,
        ProposalBrief brief,
        List<DestinationProposal> proposals,
        @Nullable ErrorView error,
        List<ProgressEntry> progress,
        Links links) {

    @Schema(name = "ProposalError")
    record ErrorView(String type, String detail) {

        static @Nullable ErrorView of(@Nullable Failure failure) {
            return failure == null ? null : new ErrorView("/problems/" + failure.code(), failure.reason());
        }
    }

    @Schema(name = "ProposalLinks")
    record Links(String self, String events) {

        static Links of(String id) {
            String self = ProposalController.PATH + "/" + id;
            return new Links(self, self + "/events");
        }
    }

    /** The answer to an accepted {@code POST}. */
    @Schema(name = "ProposalAccepted")
    record Accepted(String id, TripStatus status, Links links) {}

    static ProposalView of(ProposalSnapshot proposal) {
        return new ProposalView(
                proposal.proposalId(),
                proposal.status(),
                proposal.createdAt(),
                proposal.updatedAt(),
                proposal.brief(),
                proposal.proposals(),
                ErrorView.of(proposal.failure()),
                proposal.history(),
                Links.of(proposal.proposalId()));
    }
}
