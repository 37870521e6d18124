package io.itinera.events.kafka;

import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.proposal.ProposalCompleted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * When a worker gives up on a request, it says so: a FAILED completion with the reason goes to the saga before the
 * request is dead-lettered, so that the client learns within seconds instead of at the stage deadline.
 */
final class GivenUpRequests {

    /** The failure code a client reads as {@code /problems/processing-failed}. */
    static final String CODE = "processing-failed";

    private static final Logger log = LoggerFactory.getLogger(GivenUpRequests.class);

    private final EventPublisher publisher;
    private final String service;

    GivenUpRequests(EventPublisher publisher, String service) {
        this.publisher = publisher;
        this.service = service;
    }

    /** Publishes the FAILED completion of a request record; other records, and failures to publish, are only logged. */
    void report(ConsumerRecord<?, ?> record, Exception exception) {
        if (!(record.key() instanceof String id)) {
            return;
        }
        Failure failure = new Failure(
                CODE,
                "%s could not process this request (%s) and set it aside for an operator"
                        .formatted(
                                service,
                                NestedExceptionUtils.getMostSpecificCause(exception)
                                        .getClass()
                                        .getSimpleName()));
        try {
            switch (record.topic()) {
                case TopicNames.ENRICHMENT_REQUEST ->
                    publisher.publish(
                            Topics.ENRICHMENT_COMPLETED, EnrichmentCompleted.failed(id, failure), record.headers());
                case TopicNames.GENERATION_REQUEST ->
                    publisher.publish(
                            Topics.GENERATION_COMPLETED, GenerationCompleted.failed(id, failure), record.headers());
                case TopicNames.PROPOSAL_REQUEST ->
                    publisher.publish(
                            Topics.PROPOSAL_COMPLETED,
                            new ProposalCompleted(
                                    ProposalCompleted.SCHEMA_VERSION,
                                    UUID.randomUUID(),
                                    Instant.now(),
                                    id,
                                    Outcome.FAILED,
                                    List.of(),
                                    failure),
                            record.headers());
                default -> {
                    return;
                }
            }
            log.warn("reported request {} of {} as FAILED ({})", id, record.topic(), CODE);
        } catch (RuntimeException e) {
            log.error(
                    "could not report request {} of {} as FAILED; the stage deadline will end it",
                    id,
                    record.topic(),
                    e);
        }
    }
}
