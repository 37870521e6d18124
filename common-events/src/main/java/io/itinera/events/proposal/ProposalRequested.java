package io.itinera.events.proposal;

import io.itinera.events.Event;
import java.time.Instant;
import java.util.UUID;

/** The gateway asks for destination proposals for a brief. */
public record ProposalRequested(
        int schemaVersion, UUID eventId, Instant occurredAt, String proposalId, ProposalBrief brief) implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return proposalId;
    }

    public static ProposalRequested of(String proposalId, ProposalBrief brief) {
        return new ProposalRequested(SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), proposalId, brief);
    }
}
