package io.itinera.enrichment.request;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes enrichment requests off Kafka, with the trip and request ids in the logs and the stage timed. */
@Component
class EnrichmentListener {

    static final String STAGE_TIMER = "itinera.stage.duration";
    static final String MDC_TRIP_ID = "tripId";
    static final String MDC_REQUEST_ID = "requestId";

    private static final Logger log = LoggerFactory.getLogger(EnrichmentListener.class);

    private final TripEnricher enricher;
    private final MeterRegistry meters;

    EnrichmentListener(TripEnricher enricher, MeterRegistry meters) {
        this.enricher = enricher;
        this.meters = meters;
    }

    @KafkaListener(topics = TopicNames.ENRICHMENT_REQUEST)
    public void on(ConsumerRecord<String, EnrichmentRequested> record) {
        EnrichmentRequested requested = record.value();
        if (requested == null) {
            log.warn(
                    "Skipping empty record partition={} offset={} key={}",
                    record.partition(),
                    record.offset(),
                    record.key());
            return;
        }
        MDC.put(MDC_TRIP_ID, requested.tripId());
        EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID).ifPresent(id -> MDC.put(MDC_REQUEST_ID, id));
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = enricher.enrich(requested, record.headers());
        } finally {
            sample.stop(Timer.builder(STAGE_TIMER)
                    .description("Time a worker spends on one trip's stage")
                    .tag("stage", "enrichment")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
            MDC.remove(MDC_TRIP_ID);
            MDC.remove(MDC_REQUEST_ID);
        }
    }
}
