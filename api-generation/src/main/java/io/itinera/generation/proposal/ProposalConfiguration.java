package io.itinera.generation.proposal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the shipped destination profiles once. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

    @Bean
    ProposalRanker proposalRanker() {
        return new ProposalRanker(DestinationProfiles.load());
    }
}
