package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies one event to its key's state and forwards what changed, each with its topic: the view to the state topic
 * (described in its headers, so that readers can index it without parsing) and any request for the next stage to that
 * stage's topic. The store keeps the state, which may be smaller than the view (the trip saga's does not keep the
 * itinerary). Where the lifecycle has {@link Deadlines}, it also keeps the deadline of every open state and, on the
 * wall clock, ends those whose stage ran out of time. Where it has a {@link Retention}, it indexes finished states by
 * when they expire and erases them then; a state is also erased when the fold says so (a client's erasure): deleted
 * from the store (a tombstone on its changelog) and a tombstone on the state topic.
 */
final class SagaProcessor<S, V> implements Processor<String, Event, String, Outgoing<?>> {

    private static final String SOURCE = "api-gateway";
    private static final Logger log = LoggerFactory.getLogger(SagaProcessor.class);
    private static final long NEVER = Long.MAX_VALUE;
    /**
     * At most this many requests sent again per task and scan: after a worker's long outage every open trip is
     * unanswered, and one punctuation sending them all would write thousands of records inside one transaction. The
     * rest stay due and go out with the next scans.
     */
    static final int MAX_RESENDS_PER_SCAN = 500;
    /**
     * At most this many overdue states ended per task and scan, for the same reason: after an outage longer than a
     * stage's allowance every open trip is overdue at once (thousands a scan in a benchmark with the workers paused,
     * performance.md, session 17), and ending them all would write several records each inside one transaction. The
     * rest stay overdue, count in the oldest overdue deadline, and are ended by the next scans.
     */
    static final int MAX_EXPIRIES_PER_SCAN = 500;
    /** The wait before each further copy doubles, up to this many times. */
    private static final int MAX_DOUBLINGS = 10;

    private final SagaDefinition<S, V> saga;
    private @Nullable ProcessorContext<String, Outgoing<?>> context;
    private @Nullable KeyValueStore<String, S> store;
    private @Nullable KeyValueStore<String, Long> deadlineStore;
    private @Nullable KeyValueStore<String, String> retentionStore;
    /**
     * When each open state's request is due to be sent again, on this task. Kept in memory only: losing it costs at
     * most one early copy, which a worker that handled the first drops.
     */
    private final Map<String, ResendDue> resendAt = new HashMap<>();

    /**
     * When a state's request is due again (epoch ms; {@link #NEVER} for none) and how many copies went out before:
     * each further copy waits twice as long as the one before, so that an outage of a worker is not answered with a
     * copy of every open request every few seconds.
     */
    private record ResendDue(long at, int copies) {
        static final ResendDue NONE = new ResendDue(NEVER, 0);
    }

    SagaProcessor(SagaDefinition<S, V> saga) {
        this.saga = saga;
    }

    @Override
    public void init(ProcessorContext<String, Outgoing<?>> context) {
        this.context = context;
        this.store = context.getStateStore(saga.storeName());
        Deadlines<S, V> deadlines = saga.deadlines();
        if (deadlines != null) {
            this.deadlineStore = context.getStateStore(deadlines.storeName());
            context.schedule(deadlines.scanInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireOverdue);
        }
        Retention<S> retention = saga.retention();
        if (retention != null) {
            this.retentionStore = context.getStateStore(retention.storeName());
            indexFinishedStates(retention);
            context.schedule(retention.scanInterval(), PunctuationType.WALL_CLOCK_TIME, this::eraseExpired);
        }
    }

    /**
     * States that finished before the retention index existed (written by an older gateway) enter it once: only when
     * the index is empty, which after that means there is nothing finished to scan for.
     */
    private void indexFinishedStates(Retention<S> retention) {
        if (store == null || retentionStore == null || retentionStore.approximateNumEntries() > 0) {
            return;
        }
        try (KeyValueIterator<String, S> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, S> entry = all.next();
                retain(entry.key, null, entry.value);
            }
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
            write(
                    record.key(),
                    current,
                    saga.fold().apply(current, record.value()),
                    record.timestamp(),
                    record.headers());
        } finally {
            MDC.remove("tripId");
            MDC.remove("requestId");
        }
    }

    @Override
    public void close() {
        if (context != null) {
            saga.open().forget(context.taskId().toString());
        }
    }

    private void write(String key, @Nullable S current, SagaStep<S, V> step, long timestamp, Headers incoming) {
        if (step.erased()) {
            erase(key, current, timestamp, incoming, Erasure.OWNER);
            return;
        }
        S next = step.state();
        V view = step.view();
        if (next == null || view == null || context == null || store == null) {
            forward(key, step.commands(), timestamp, incoming);
            return;
        }
        store.put(key, next);
        track(key, current, next);
        retain(key, current, next);
        Headers stateHeaders = correlationOf(incoming);
        saga.describe().accept(next, stateHeaders);
        context.forward(new Record<>(key, Outgoing.to(saga.stateTopic(), view), timestamp, stateHeaders));
        forward(key, step.commands(), timestamp, incoming);
        saga.onChange().accept(current, next);
    }

    private void forward(String key, List<Outgoing<? extends Event>> commands, long timestamp, Headers incoming) {
        if (context == null) {
            return;
        }
        for (Outgoing<? extends Event> command : commands) {
            Headers headers = correlationOf(incoming);
            EventHeaders.stamp(
                    headers, (Event) Objects.requireNonNull(command.value(), "a command is never a tombstone"), SOURCE);
            if (command.again()) {
                EventHeaders.replace(headers, EventHeaders.RESENT, "true");
            }
            context.forward(new Record<>(key, command, timestamp, headers));
        }
    }

    /**
     * A stage's deadline, and when its request is due again, are set when the state enters it, and dropped when the
     * state finishes.
     */
    private void track(String key, @Nullable S current, S next) {
        Deadlines<S, V> deadlines = saga.deadlines();
        if (deadlines == null || deadlineStore == null) {
            return;
        }
        var deadline = deadlines.deadline(next);
        if (deadline.isEmpty()) {
            deadlineStore.delete(key);
            resendAt.remove(key);
        } else if (current == null || !deadlines.sameStage(current, next)) {
            deadlineStore.put(key, deadline.get().toEpochMilli());
            resendAt.put(key, firstResend(deadlines, next));
        }
    }

    /**
     * Scans only the open states' deadlines, never the whole store: ends the overdue ones and sends again the requests
     * that are due. A state whose request time this task does not know (it was restored) is read once to learn it.
     */
    private void expireOverdue(long now) {
        Deadlines<S, V> deadlines = saga.deadlines();
        if (deadlines == null || deadlineStore == null || store == null || context == null) {
            return;
        }
        List<String> overdue = new ArrayList<>();
        List<String> resendDue = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        int leftOverdue = 0;
        try (KeyValueIterator<String, Long> all = deadlineStore.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value <= now) {
                    if (overdue.size() < MAX_EXPIRIES_PER_SCAN) {
                        overdue.add(entry.key);
                    } else {
                        leftOverdue++;
                        earliest = Math.min(earliest, entry.value);
                    }
                    continue;
                }
                earliest = Math.min(earliest, entry.value);
                ResendDue due = resendAt.get(entry.key);
                if (due == null) {
                    unknown.add(entry.key);
                } else if (due.at() <= now) {
                    resendDue.add(entry.key);
                }
            }
        }
        for (String key : overdue) {
            MDC.put("tripId", key);
            try {
                S current = store.get(key);
                deadlineStore.delete(key);
                resendAt.remove(key);
                if (current != null) {
                    write(key, current, deadlines.expire(current), now, new RecordHeaders());
                }
            } finally {
                MDC.remove("tripId");
            }
        }
        if (leftOverdue > 0) {
            log.warn(
                    "{}: {} overdue ended in this scan, {} more left for the next scans",
                    saga.name(),
                    overdue.size(),
                    leftOverdue);
        }
        Map<String, List<String>> resentTo = new TreeMap<>();
        for (String key : resendDue.subList(0, Math.min(resendDue.size(), MAX_RESENDS_PER_SCAN))) {
            S current = store.get(key);
            int copies = Objects.requireNonNull(resendAt.get(key)).copies() + 1;
            if (current != null) {
                deadlines.resend(current).ifPresent(request -> {
                    resend(deadlines, key, current, request, now);
                    resentTo.computeIfAbsent(request.topic().name(), topic -> new ArrayList<>())
                            .add(key);
                });
            }
            resendAt.put(
                    key,
                    current == null
                            ? ResendDue.NONE
                            : deadlines
                                    .resendEvery(current)
                                    .map(every -> new ResendDue(
                                            now + (every.toMillis() << Math.min(copies, MAX_DOUBLINGS)), copies))
                                    .orElse(ResendDue.NONE));
        }
        resentTo.forEach((topic, keys) -> log.warn(
                "{}: {} unanswered requests sent again to {} ({} {} among them){}",
                saga.name(),
                keys.size(),
                topic,
                saga.name(),
                keys.get(0),
                resendDue.size() > MAX_RESENDS_PER_SCAN ? "; more are due, sent with the next scans" : ""));
        for (String key : unknown) {
            S current = store.get(key);
            resendAt.put(key, current == null ? ResendDue.NONE : firstResend(deadlines, current));
        }
        saga.open()
                .update(
                        context.taskId().toString(),
                        earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(earliest));
    }

    private static <S> ResendDue firstResend(Deadlines<S, ?> deadlines, S state) {
        return new ResendDue(
                deadlines.firstResend(state).map(Instant::toEpochMilli).orElse(NEVER), 0);
    }

    /**
     * Sends a stage's request again, marked {@link EventHeaders#RESENT} so that a worker that has handled it already
     * drops it. The state does not change: only an answer moves it on.
     */
    private void resend(Deadlines<S, V> deadlines, String key, S current, Outgoing<? extends Event> request, long now) {
        forward(key, List.of(request.sentAgain()), now, new RecordHeaders());
        deadlines.resent(current);
        log.debug(
                "{} {}: no answer yet, its request sent again to {}",
                saga.name(),
                key,
                request.topic().name());
    }

    /** A state that has just finished enters the retention index. */
    private void retain(String key, @Nullable S current, S next) {
        Retention<S> retention = saga.retention();
        if (retention == null || retentionStore == null) {
            return;
        }
        Optional<Instant> finished = retention.finishedAt().apply(next);
        if (finished.isPresent()
                && (current == null || retention.finishedAt().apply(current).isEmpty())) {
            retentionStore.put(retention.keyOf(finished.get(), key), key);
        }
    }

    /** Forgets a state: the store's entry, its deadline and retention entries, and a tombstone for the state topic. */
    private void erase(String key, @Nullable S current, long timestamp, Headers incoming, Erasure why) {
        if (current == null || context == null || store == null) {
            return;
        }
        store.delete(key);
        if (deadlineStore != null) {
            deadlineStore.delete(key);
            resendAt.remove(key);
        }
        Retention<S> retention = saga.retention();
        KeyValueStore<String, String> finished = retentionStore;
        if (retention != null && finished != null) {
            retention.finishedAt().apply(current).ifPresent(at -> finished.delete(retention.keyOf(at, key)));
        }
        context.forward(new Record<>(key, Outgoing.tombstone(saga.stateTopic()), timestamp, correlationOf(incoming)));
        saga.onErase().accept(why);
        log.info("{} {} {}", saga.name(), key, why.logged());
    }

    /** Reads only the due part of the retention index, never the whole store. */
    private void eraseExpired(long now) {
        Retention<S> retention = saga.retention();
        if (retention == null || retentionStore == null || store == null) {
            return;
        }
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> expired = retentionStore.range("", Retention.dueBy(now))) {
            expired.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            retentionStore.delete(entry.key);
            MDC.put("tripId", entry.value);
            try {
                erase(entry.value, store.get(entry.value), now, new RecordHeaders(), Erasure.RETENTION);
            } finally {
                MDC.remove("tripId");
            }
        }
    }

    /** Only the correlation travels on: the CloudEvents attributes describe the incoming event, not ours. */
    private static Headers correlationOf(Headers incoming) {
        Headers headers = new RecordHeaders();
        EventHeaders.propagate(incoming, headers);
        return headers;
    }
}
