package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Applies one event to its snapshot and forwards what changed, each with its topic: the snapshot to the state topic
 * (described in its headers, so that readers can index it without parsing) and any request for the next stage to that
 * stage's topic. Where the lifecycle has {@link Deadlines}, it also keeps the
 * deadline of every open snapshot and, on the wall clock, ends those whose stage ran out of time.
 */
final class SagaProcessor<S> implements Processor<String, Event, String, Outgoing<?>> {

    private static final String SOURCE = "api-gateway";

    private final Fold<S> fold;
    private final String storeName;
    private final TopicSpec<S> stateTopic;
    private final BiConsumer<@Nullable S, S> onChange;
    private final BiConsumer<S, Headers> describe;
    private final @Nullable Deadlines<S> deadlines;
    private final OpenDeadlines open;
    private @Nullable ProcessorContext<String, Outgoing<?>> context;
    private @Nullable KeyValueStore<String, S> store;
    private @Nullable KeyValueStore<String, Long> deadlineStore;

    SagaProcessor(
            Fold<S> fold,
            String storeName,
            TopicSpec<S> stateTopic,
            BiConsumer<@Nullable S, S> onChange,
            BiConsumer<S, Headers> describe,
            @Nullable Deadlines<S> deadlines,
            OpenDeadlines open) {
        this.fold = fold;
        this.storeName = storeName;
        this.stateTopic = stateTopic;
        this.onChange = onChange;
        this.describe = describe;
        this.deadlines = deadlines;
        this.open = open;
    }

    @Override
    public void init(ProcessorContext<String, Outgoing<?>> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        if (deadlines != null) {
            this.deadlineStore = context.getStateStore(deadlines.storeName());
            context.schedule(deadlines.scanInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireOverdue);
        }
    }

    @Override
    public void process(Record<String, Event> record) {
        if (record.key() == null || record.value() == null || context == null || store == null) {
            return;
        }
        MDC.put("tripId", record.key());
        EventHeaders.read(record.headers(), EventHeaders.REQUEST_ID).ifPresent(id -> MDC.put("requestId", id));
        try {
            S current = store.get(record.key());
            write(record.key(), current, fold.apply(current, record.value()), record.timestamp(), record.headers());
        } finally {
            MDC.remove("tripId");
            MDC.remove("requestId");
        }
    }

    @Override
    public void close() {
        if (context != null) {
            open.forget(context.taskId().toString());
        }
    }

    private void write(String key, @Nullable S current, SagaStep<S> step, long timestamp, Headers incoming) {
        S next = step.snapshot();
        if (next == null || context == null || store == null) {
            return;
        }
        store.put(key, next);
        track(key, current, next);
        Headers stateHeaders = correlationOf(incoming);
        describe.accept(next, stateHeaders);
        context.forward(new Record<>(key, Outgoing.to(stateTopic, next), timestamp, stateHeaders));
        for (Outgoing<? extends Event> command : step.commands()) {
            Headers headers = correlationOf(incoming);
            EventHeaders.stamp(headers, (Event) command.value(), SOURCE);
            context.forward(new Record<>(key, command, timestamp, headers));
        }
        onChange.accept(current, next);
    }

    /** A stage's deadline is set when the snapshot enters it and dropped when the snapshot finishes. */
    private void track(String key, @Nullable S current, S next) {
        if (deadlines == null || deadlineStore == null) {
            return;
        }
        var deadline = deadlines.deadline(next);
        if (deadline.isEmpty()) {
            deadlineStore.delete(key);
        } else if (current == null || !deadlines.sameStage(current, next)) {
            deadlineStore.put(key, deadline.get().toEpochMilli());
        }
    }

    /** Scans only the open snapshots' deadlines, never the whole store. */
    private void expireOverdue(long now) {
        if (deadlines == null || deadlineStore == null || store == null || context == null) {
            return;
        }
        List<String> overdue = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        try (KeyValueIterator<String, Long> all = deadlineStore.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value <= now) {
                    overdue.add(entry.key);
                } else {
                    earliest = Math.min(earliest, entry.value);
                }
            }
        }
        for (String key : overdue) {
            MDC.put("tripId", key);
            try {
                S current = store.get(key);
                deadlineStore.delete(key);
                if (current != null) {
                    write(key, current, deadlines.expire(current), now, new RecordHeaders());
                }
            } finally {
                MDC.remove("tripId");
            }
        }
        open.update(context.taskId().toString(), earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(earliest));
    }

    /** Only the correlation travels on: the CloudEvents attributes describe the incoming event, not ours. */
    private static Headers correlationOf(Headers incoming) {
        Headers headers = new RecordHeaders();
        EventHeaders.propagate(incoming, headers);
        return headers;
    }
}
