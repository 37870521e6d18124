package io.itinera.generation.proposal;

import io.itinera.events.EventHeaders;
import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Ranks destinations for each requested proposal and publishes progress and the outcome. */
@Component
class ProposalListener {

    static final String STEP_RANKING = "ranking";

    private static final Logger log = LoggerFactory.getLogger(ProposalListener.class);

    private final ProposalRanker ranker;
    private final EventPublisher publisher;

    ProposalListener(ProposalRanker ranker, EventPublisher publisher) {
        this.ranker = ranker;
        this.publisher = publisher;
    }

    @KafkaListener(topics = TopicNames.PROPOSAL_REQUEST)
    void on(ConsumerRecord<String, ProposalRequested> record) {
        ProposalRequested requested = record.value();
        if (requested == null) {
            throw new IllegalArgumentException("proposal request without a value at offset " + record.offset());
        }
        MDC.put("proposalId", requested.proposalId());
        EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID).ifPresent(id -> MDC.put("requestId", id));
        try {
            ProposalCompleted completed = ranker.rank(
                    requested.proposalId(),
                    requested.brief(),
                    (percent, message) -> publisher.publish(
                            Topics.PROPOSAL_PROGRESS,
                            ProposalProgress.of(requested.proposalId(), STEP_RANKING, percent, message),
                            record.headers()));
            publisher.publish(Topics.PROPOSAL_COMPLETED, completed, record.headers());
            log.info(
                    "proposal {}: {} destinations",
                    completed.outcome(),
                    completed.proposals().size());
        } finally {
            MDC.remove("proposalId");
            MDC.remove("requestId");
        }
    }
}
