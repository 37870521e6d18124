package io.itinera.events.proposal;

import io.itinera.events.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * Command: find destinations for a client's brief; the gateway's proposal saga starts the ranking.
 *
 * @param clientId the authenticated API client that owns the proposal
 * @param requestId the HTTP request id, carried into logs and headers
 */
public record SubmitProposal(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String proposalId,
        String clientId,
        String requestId,
        ProposalBrief brief)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return proposalId;
    }

    public static SubmitProposal of(String proposalId, String clientId, String requestId, ProposalBrief brief) {
        return new SubmitProposal(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), proposalId, clientId, requestId, brief);
    }
}
