package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What folding one event into a snapshot produced.
 *
 * @param snapshot the new state, or {@code null} when the event changed nothing (duplicate, late or unknown)
 * @param commands requests for the next stage, each with the topic it goes to
 */
record SagaStep<S>(@Nullable S snapshot, List<Outgoing<? extends Event>> commands) {

    static <S> SagaStep<S> unchanged() {
        return new SagaStep<>(null, List.of());
    }

    static <S> SagaStep<S> of(S snapshot) {
        return new SagaStep<>(snapshot, List.of());
    }

    static <S, C extends Event> SagaStep<S> of(S snapshot, TopicSpec<C> topic, C command) {
        return of(snapshot, Outgoing.to(topic, command));
    }

    static <S> SagaStep<S> of(S snapshot, Outgoing<? extends Event> command) {
        return new SagaStep<>(snapshot, List.of(command));
    }
}
