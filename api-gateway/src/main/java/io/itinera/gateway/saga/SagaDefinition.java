package io.itinera.gateway.saga;

import io.itinera.events.TopicSpec;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * One saga: the topics it reads, the state {@code S} it keeps per key in its store, the view {@code V} it writes to its
 * state topic, the rules in between, and what it reports.
 *
 * @param onChange told of every change of state, e.g. for metrics
 * @param describe writes the headers of a state record from the state, so that readers need not parse the view
 * @param deadlines how long each stage may take, if the lifecycle has deadlines
 * @param retention how long a finished state is kept, if the lifecycle erases finished states
 * @param onErase told of every state erased and why, e.g. for metrics
 */
record SagaDefinition<S, V>(
        String name,
        List<String> inputs,
        String storeName,
        Class<S> stateType,
        TopicSpec<V> stateTopic,
        Fold<S, V> fold,
        BiConsumer<@Nullable S, S> onChange,
        BiConsumer<S, Headers> describe,
        @Nullable Deadlines<S, V> deadlines,
        OpenDeadlines open,
        @Nullable Retention<S> retention,
        Consumer<Erasure> onErase) {}
