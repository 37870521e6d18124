package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.StageProgress;
import io.itinera.events.Topics;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The proposal saga's deadlines: a proposal that stays in one status longer than {@link ProposalStageDeadlines} allows
 * ends {@code FAILED} with the failure {@code stage-timeout}, whose reason names the status, as a trip does; an
 * unanswered proposal's ranking request is sent again, made from its brief.
 */
final class ProposalDeadlines extends StatusDeadlines<ProposalSnapshot, ProposalSnapshot> {

    ProposalDeadlines(ProposalStageDeadlines deadlines, Runnable onResend, Clock clock) {
        super(
                SagaTopology.PROPOSAL_DEADLINES_STORE,
                deadlines.scanInterval(),
                deadlines::of,
                deadlines::resendAfterIn,
                onResend,
                clock);
    }

    @Override
    TripStatus status(ProposalSnapshot proposal) {
        return proposal.status();
    }

    @Override
    Instant updatedAt(ProposalSnapshot proposal) {
        return proposal.updatedAt();
    }

    @Override
    Outgoing<? extends Event> request(ProposalSnapshot proposal) {
        return Outgoing.to(Topics.PROPOSAL_REQUEST, ProposalRequested.of(proposal.proposalId(), proposal.brief()));
    }

    @Override
    SagaStep<ProposalSnapshot, ProposalSnapshot> timedOut(ProposalSnapshot proposal, Duration allowed, Instant now) {
        Failure failure = new Failure(
                STAGE_TIMEOUT,
                "The proposal stayed %s for longer than %s: the ranking did not finish in time"
                        .formatted(proposal.status(), allowed));
        ProposalSnapshot failed = new ProposalSnapshot(
                proposal.schemaVersion(),
                proposal.proposalId(),
                proposal.clientId(),
                proposal.version() + 1,
                TripStatus.FAILED,
                proposal.createdAt(),
                now,
                proposal.brief(),
                List.of(),
                failure,
                Histories.append(
                        proposal.history(),
                        now,
                        "proposal",
                        TripStatus.FAILED,
                        new StageProgress("timed-out", 100, failure.reason())),
                proposal.appliedEventIds());
        return SagaStep.of(failed);
    }
}
