package io.itinera.gateway.saga;

import io.itinera.events.Failure;
import io.itinera.events.StageProgress;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The proposal saga's deadlines: a proposal that stays in one status longer than {@link ProposalStageDeadlines} allows
 * ends {@code FAILED} with the failure {@code stage-timeout}, whose reason names the status, as a trip does.
 */
final class ProposalDeadlines implements Deadlines<ProposalSnapshot, ProposalSnapshot> {

    static final String STORE = SagaTopology.PROPOSAL_DEADLINES_STORE;

    private final ProposalStageDeadlines deadlines;
    private final Clock clock;

    ProposalDeadlines(ProposalStageDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public String storeName() {
        return STORE;
    }

    @Override
    public Duration scanInterval() {
        return deadlines.scanInterval();
    }

    /** A proposal enters a status when it is written with it, so {@code updatedAt} is the stage's start. */
    @Override
    public Optional<Instant> deadline(ProposalSnapshot proposal) {
        return deadlines
                .of(proposal.status())
                .map(allowed -> proposal.updatedAt().plus(allowed));
    }

    @Override
    public boolean sameStage(ProposalSnapshot before, ProposalSnapshot after) {
        return before.status() == after.status();
    }

    @Override
    public SagaStep<ProposalSnapshot, ProposalSnapshot> expire(ProposalSnapshot proposal) {
        Optional<Duration> allowed = deadlines.of(proposal.status());
        if (allowed.isEmpty()) {
            return SagaStep.unchanged();
        }
        Failure failure = new Failure(
                TripDeadlines.STAGE_TIMEOUT,
                "The proposal stayed %s for longer than %s: the ranking did not finish in time"
                        .formatted(proposal.status(), allowed.get()));
        Instant now = clock.instant();
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
