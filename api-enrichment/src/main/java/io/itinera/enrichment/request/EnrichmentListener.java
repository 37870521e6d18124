package io.itinera.enrichment.request;

import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.kafka.Stage;
import io.itinera.events.kafka.StageHandler;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes enrichment requests off Kafka, a poll at a time, and enriches each trip. */
@Component
class EnrichmentListener {

    private final TripEnricher enricher;
    private final StageHandler stages;

    EnrichmentListener(TripEnricher enricher, StageHandler stages) {
        this.enricher = enricher;
        this.stages = stages;
    }

    /** A poll's requests in one Kafka transaction: one commit for all of them, not one per trip (issue 10). */
    @KafkaListener(topics = TopicNames.ENRICHMENT_REQUEST, batch = "true")
    void on(List<ConsumerRecord<String, EnrichmentRequested>> records) {
        stages.handleEach(records, this::on);
    }

    void on(ConsumerRecord<String, EnrichmentRequested> record) {
        stages.handle(
                record,
                Stage.ENRICHMENT,
                requested -> enricher.enrich(requested, record.headers(), stages.progressThrottle()));
    }
}
