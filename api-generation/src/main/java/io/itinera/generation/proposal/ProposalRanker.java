package io.itinera.generation.proposal;

import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.ProposalCompleted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Turns a brief into its outcome: the best destinations with their score breakdown and reasons, or a failure a
 * traveller can act on (an origin the gazetteer does not know, nothing within the journey limit).
 */
public final class ProposalRanker {

    private final DestinationProfiles profiles;
    private final DestinationRanking ranking = new DestinationRanking();

    public ProposalRanker(DestinationProfiles profiles) {
        this.profiles = profiles;
    }

    /** @param progress told (percent, message) as the work advances */
    public ProposalCompleted rank(String proposalId, ProposalBrief brief, BiConsumer<Integer, String> progress) {
        Optional<Origin> origin = profiles.origin(brief.origin());
        if (origin.isEmpty()) {
            return failed(
                    proposalId,
                    new Failure(
                            "unknown-origin",
                            "No city called '" + brief.origin() + "' is known; try the city's usual English name."));
        }
        progress.accept(
                30,
                "Leaving from %s, %s; comparing %d destinations"
                        .formatted(
                                origin.get().name(),
                                origin.get().country(),
                                profiles.destinations().size()));
        List<DestinationProposal> ranked = ranking.rank(brief, origin.get(), profiles.destinations());
        if (ranked.isEmpty()) {
            return failed(
                    proposalId,
                    new Failure(
                            "none-within-reach",
                            "No destination is within %s hours of %s."
                                    .formatted(brief.maxTravelHours(), brief.origin())));
        }
        progress.accept(90, "Ranked: " + DestinationRanking.names(ranked));
        return new ProposalCompleted(
                ProposalCompleted.SCHEMA_VERSION,
                UUID.randomUUID(),
                Instant.now(),
                proposalId,
                Outcome.SUCCEEDED,
                ranked,
                null);
    }

    private static ProposalCompleted failed(String proposalId, Failure failure) {
        return new ProposalCompleted(
                ProposalCompleted.SCHEMA_VERSION,
                UUID.randomUUID(),
                Instant.now(),
                proposalId,
                Outcome.FAILED,
                List.of(),
                failure);
    }
}
