package io.itinera.gateway.proposal;

import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.state.ReadModels;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads proposals from this replica's copy of {@code travel-proposal.state}. */
@Component
class ProposalQueries {

    private final ReadModels readModels;

    ProposalQueries(ReadModels readModels) {
        this.readModels = readModels;
    }

    Optional<ProposalSnapshot> find(String proposalId) {
        return readModels.find(SagaTopology.PROPOSALS_STORE, proposalId);
    }

    /** One client's proposal: another client's is reported as missing, not forbidden. */
    Optional<ProposalSnapshot> find(String proposalId, String clientId) {
        return readModels.findOwned(SagaTopology.PROPOSALS_STORE, proposalId, clientId);
    }

    /** One client's proposal, or a 404 problem. */
    Mono<ProposalSnapshot> owned(String proposalId, String clientId) {
        return readModels.owned(SagaTopology.PROPOSALS_STORE, proposalId, clientId, "Proposal");
    }
}
