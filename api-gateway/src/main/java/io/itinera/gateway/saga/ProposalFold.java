package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.StageProgress;
import io.itinera.events.Topics;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of a proposal request: {@code PENDING} when accepted, {@code GENERATING} once api-generation reports,
 * then {@code READY} with the ranked destinations or {@code FAILED}. Duplicates and late events change nothing.
 */
final class ProposalFold implements Fold<ProposalSnapshot, ProposalSnapshot> {

    private static final Set<TripStatus> OPEN = Set.of(TripStatus.PENDING, TripStatus.GENERATING);

    private final Clock clock;

    ProposalFold(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SagaStep<ProposalSnapshot, ProposalSnapshot> apply(@Nullable ProposalSnapshot current, Event event) {
        if (current != null && Histories.applied(current.appliedEventIds(), event)) {
            return SagaStep.unchanged();
        }
        if (event instanceof SubmitProposal submitted) {
            return current == null ? submitted(submitted) : SagaStep.unchanged();
        }
        if (current == null || !OPEN.contains(current.status())) {
            return SagaStep.unchanged();
        }
        if (event instanceof ProposalProgress progress) {
            return SagaStep.of(
                    advance(current, progress, TripStatus.GENERATING, progress.progress(), current.proposals(), null));
        }
        if (event instanceof ProposalCompleted completed) {
            if (completed.outcome() == Outcome.SUCCEEDED) {
                return SagaStep.of(advance(
                        current,
                        completed,
                        TripStatus.READY,
                        new StageProgress(
                                "completed", 100, completed.proposals().size() + " destinations ranked"),
                        completed.proposals(),
                        null));
            }
            Failure failure = Objects.requireNonNullElse(
                    completed.failure(), new Failure("proposal-failed", "Ranking destinations failed"));
            return SagaStep.of(advance(
                    current,
                    completed,
                    TripStatus.FAILED,
                    new StageProgress("failed", 100, failure.reason()),
                    List.of(),
                    failure));
        }
        return SagaStep.unchanged();
    }

    private SagaStep<ProposalSnapshot, ProposalSnapshot> submitted(SubmitProposal submitted) {
        Instant now = clock.instant();
        ProposalSnapshot snapshot = new ProposalSnapshot(
                ProposalSnapshot.SCHEMA_VERSION,
                submitted.proposalId(),
                submitted.clientId(),
                1,
                TripStatus.PENDING,
                now,
                now,
                submitted.brief(),
                List.of(),
                null,
                List.of(new ProgressEntry(
                        1, submitted.occurredAt(), "proposal", TripStatus.PENDING, "accepted", 0, "Brief accepted")),
                List.of(submitted.eventId().toString()));
        return SagaStep.of(
                snapshot, Topics.PROPOSAL_REQUEST, ProposalRequested.of(submitted.proposalId(), submitted.brief()));
    }

    private ProposalSnapshot advance(
            ProposalSnapshot current,
            Event event,
            TripStatus status,
            StageProgress progress,
            List<DestinationProposal> proposals,
            @Nullable Failure failure) {
        return new ProposalSnapshot(
                current.schemaVersion(),
                current.proposalId(),
                current.clientId(),
                current.version() + 1,
                status,
                current.createdAt(),
                clock.instant(),
                current.brief(),
                proposals,
                failure,
                Histories.append(current.history(), event, "proposal", status, progress),
                Histories.remember(current.appliedEventIds(), event));
    }
}
