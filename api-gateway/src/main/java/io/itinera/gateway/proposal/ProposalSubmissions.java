package io.itinera.gateway.proposal;

import io.itinera.events.Topics;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.state.Idempotency;
import io.itinera.gateway.state.SagaCommands;
import io.itinera.gateway.system.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands proposal briefs to the proposal saga and waits briefly until the proposal is readable on this replica. An
 * {@code Idempotency-Key} names the proposal (see {@link Idempotency}).
 */
@Component
class ProposalSubmissions {

    private static final Duration ACCEPT_WAIT = Duration.ofSeconds(3);

    private final SagaCommands commands;
    private final ProposalQueries queries;
    private final MeterRegistry meters;

    ProposalSubmissions(SagaCommands commands, ProposalQueries queries, MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.meters = meters;
    }

    /** The outcome of a submission: the proposal's id, and whether an earlier request with the same key created it. */
    record Submission(String proposalId, boolean replayed) {}

    Mono<Submission> submit(
            ApiClient client, Correlation correlation, ProposalBrief brief, @Nullable String idempotencyKey) {
        String proposalId = Idempotency.idOf("proposal", client, idempotencyKey);
        return commands.submit(
                        Topics.PROPOSAL_COMMANDS,
                        SubmitProposal.of(proposalId, client.id(), correlation.requestId(), brief),
                        correlation,
                        idempotencyKey,
                        () -> queries.find(proposalId),
                        proposal -> proposal.clientId().equals(client.id())
                                && proposal.brief().equals(brief),
                        ACCEPT_WAIT)
                .map(replayed -> {
                    if (!replayed) {
                        meters.counter("itinera.proposals.requested").increment();
                    }
                    return new Submission(proposalId, replayed);
                });
    }
}
