package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What folding one event produced.
 *
 * @param state the saga's new state, or {@code null} when the event changed nothing (duplicate, late or unknown) or
 *     erased the state; an unchanged state may still send requests
 * @param view what the state topic shows of the new state, present exactly when {@code state} is
 * @param commands requests for the next stage, each with the topic it goes to
 * @param erased whether the state is to be forgotten: deleted from the store, a tombstone on the state topic
 */
record SagaStep<S, V>(@Nullable S state, @Nullable V view, List<Outgoing<? extends Event>> commands, boolean erased) {

    static <S, V> SagaStep<S, V> unchanged() {
        return new SagaStep<>(null, null, List.of(), false);
    }

    /** The state stays as it is, and a request goes out (one sent again). */
    static <S, V> SagaStep<S, V> unchanged(Outgoing<? extends Event> command) {
        return new SagaStep<>(null, null, List.of(command), false);
    }

    static <S, V> SagaStep<S, V> erasure() {
        return new SagaStep<>(null, null, List.of(), true);
    }

    static <S, V> SagaStep<S, V> of(S state, V view) {
        return new SagaStep<>(state, view, List.of(), false);
    }

    static <S, V> SagaStep<S, V> of(S state, V view, Outgoing<? extends Event> command) {
        return new SagaStep<>(state, view, List.of(command), false);
    }

    /** For a lifecycle whose state is also what clients see. */
    static <S> SagaStep<S, S> of(S snapshot) {
        return of(snapshot, snapshot);
    }

    /** For a lifecycle whose state is also what clients see. */
    static <S, C extends Event> SagaStep<S, S> of(S snapshot, TopicSpec<C> topic, C command) {
        return of(snapshot, snapshot, Outgoing.to(topic, command));
    }
}
