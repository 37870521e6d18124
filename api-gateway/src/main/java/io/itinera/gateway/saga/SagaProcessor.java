package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Applies one event to its snapshot and forwards what changed, each with its topic: the snapshot to the state topic and
 * any request for the next stage to that stage's topic.
 */
final class SagaProcessor<S> implements Processor<String, Event, String, Outgoing<?>> {

    private static final String SOURCE = "api-gateway";

    private final Fold<S> fold;
    private final String storeName;
    private final TopicSpec<S> stateTopic;
    private final BiConsumer<@Nullable S, S> onChange;
    private @Nullable ProcessorContext<String, Outgoing<?>> context;
    private @Nullable KeyValueStore<String, S> store;

    SagaProcessor(Fold<S> fold, String storeName, TopicSpec<S> stateTopic, BiConsumer<@Nullable S, S> onChange) {
        this.fold = fold;
        this.storeName = storeName;
        this.stateTopic = stateTopic;
        this.onChange = onChange;
    }

    @Override
    public void init(ProcessorContext<String, Outgoing<?>> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.key() == null || record.value() == null || context == null || store == null) {
            return;
        }
        MDC.put("tripId", record.key());
        EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID).ifPresent(id -> MDC.put("requestId", id));
        try {
            apply(record, context, store);
        } finally {
            MDC.remove("tripId");
            MDC.remove("requestId");
        }
    }

    private void apply(
            Record<String, Event> record,
            ProcessorContext<String, Outgoing<?>> context,
            KeyValueStore<String, S> store) {
        S current = store.get(record.key());
        SagaStep<S> step = fold.apply(current, record.value());
        S next = step.snapshot();
        if (next == null) {
            return;
        }
        store.put(record.key(), next);
        context.forward(new Record<>(
                record.key(), Outgoing.to(stateTopic, next), record.timestamp(), correlationOf(record.headers())));
        for (Outgoing<? extends Event> command : step.commands()) {
            Headers headers = correlationOf(record.headers());
            EventHeaders.stamp(headers, command.value(), SOURCE);
            context.forward(new Record<>(record.key(), command, record.timestamp(), headers));
        }
        onChange.accept(current, next);
    }

    /** Only the correlation travels on: the CloudEvents attributes describe the incoming event, not ours. */
    private static Headers correlationOf(Headers incoming) {
        Headers headers = new RecordHeaders();
        EventHeaders.propagate(incoming, headers);
        return headers;
    }
}
