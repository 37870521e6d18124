package io.itinera.events.proposal;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Proposal ranking ended: the best destinations first, or the reason there are none. */
public record ProposalCompleted(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String proposalId,
        Outcome outcome,
        List<DestinationProposal> proposals,
        @Nullable Failure failure)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return proposalId;
    }
}
