package io.itinera.gateway.saga;

import io.itinera.events.Event;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What folding one event into a snapshot produced.
 *
 * @param snapshot the new state, or {@code null} when the event changed nothing (duplicate, late or unknown)
 * @param commands requests to publish for the next stage
 */
record SagaStep<S>(@Nullable S snapshot, List<Event> commands) {

    static <S> SagaStep<S> unchanged() {
        return new SagaStep<>(null, List.of());
    }

    static <S> SagaStep<S> of(S snapshot) {
        return new SagaStep<>(snapshot, List.of());
    }
}
