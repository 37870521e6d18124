package io.itinera.events.proposal;

import io.itinera.events.Event;
import io.itinera.events.StageProgress;
import java.time.Instant;
import java.util.UUID;

/** The proposal ranking finished one step of its work. */
public record ProposalProgress(
        int schemaVersion, UUID eventId, Instant occurredAt, String proposalId, StageProgress progress)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return proposalId;
    }

    public static ProposalProgress of(String proposalId, String step, int percent, String message) {
        return new ProposalProgress(
                SCHEMA_VERSION,
                UUID.randomUUID(),
                Instant.now(),
                proposalId,
                new StageProgress(step, percent, message));
    }
}
