package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.trip.TripSnapshot;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/** Applies one event to its trip and forwards what changed: the snapshot and any request for the next stage. */
final class TripSagaProcessor implements Processor<String, Event, String, Object> {

    private static final String SOURCE = "api-gateway";

    private final TripFold fold;
    private final SagaMetrics metrics;
    private @Nullable ProcessorContext<String, Object> context;
    private @Nullable KeyValueStore<String, TripSnapshot> store;

    TripSagaProcessor(TripFold fold, SagaMetrics metrics) {
        this.fold = fold;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(TripSagaTopology.SAGA_STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.key() == null || record.value() == null || context == null || store == null) {
            return;
        }
        TripSnapshot current = store.get(record.key());
        SagaStep step = fold.apply(current, record.value());
        TripSnapshot next = step.snapshot();
        if (next == null) {
            return;
        }
        store.put(record.key(), next);
        context.forward(new Record<>(record.key(), next, record.timestamp(), correlationOf(record.headers())));
        for (SagaStep.Outgoing outgoing : step.commands()) {
            Headers headers = correlationOf(record.headers());
            EventHeaders.stamp(headers, outgoing.event(), SOURCE);
            context.forward(new Record<>(record.key(), outgoing.event(), record.timestamp(), headers));
        }
        metrics.transition(current, next);
    }

    /** Only the correlation travels on: the CloudEvents attributes describe the incoming event, not ours. */
    private static Headers correlationOf(Headers incoming) {
        Headers headers = new RecordHeaders();
        EventHeaders.propagate(incoming, headers);
        return headers;
    }

    static String topicOf(Object value) {
        if (value instanceof TripSnapshot) {
            return Topics.TRIP_STATE;
        }
        if (value instanceof EnrichmentRequested) {
            return Topics.ENRICHMENT_REQUEST;
        }
        if (value instanceof GenerationRequested) {
            return Topics.GENERATION_REQUEST;
        }
        throw new IllegalStateException(
                "the saga does not publish " + value.getClass().getName());
    }
}
