package io.itinera.enrichment.request;

import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.kafka.Stage;
import io.itinera.events.kafka.StageHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes enrichment requests off Kafka and enriches each trip. */
@Component
class EnrichmentListener {

    private final TripEnricher enricher;
    private final StageHandler stages;

    EnrichmentListener(TripEnricher enricher, StageHandler stages) {
        this.enricher = enricher;
        this.stages = stages;
    }

    @KafkaListener(topics = TopicNames.ENRICHMENT_REQUEST)
    void on(ConsumerRecord<String, EnrichmentRequested> record) {
        stages.handle(
                record,
                Stage.ENRICHMENT,
                requested -> enricher.enrich(requested, record.headers(), stages.progressThrottle()));
    }
}
