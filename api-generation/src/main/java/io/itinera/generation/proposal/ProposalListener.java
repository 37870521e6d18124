package io.itinera.generation.proposal;

import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.Stage;
import io.itinera.events.kafka.StageHandler;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Ranks destinations for each requested proposal and publishes progress and the outcome; timed as a stage. */
@Component
class ProposalListener {

    static final String STEP_RANKING = "ranking";

    private static final Logger log = LoggerFactory.getLogger(ProposalListener.class);

    private final ProposalRanker ranker;
    private final EventPublisher publisher;
    private final StageHandler stages;

    ProposalListener(ProposalRanker ranker, EventPublisher publisher, StageHandler stages) {
        this.ranker = ranker;
        this.publisher = publisher;
        this.stages = stages;
    }

    @KafkaListener(topics = TopicNames.PROPOSAL_REQUEST)
    void on(ConsumerRecord<String, ProposalRequested> record) {
        stages.handle(record, Stage.PROPOSAL, requested -> {
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
            return completed.outcome();
        });
    }
}
