package io.itinera.gateway.saga;

import io.itinera.events.Event;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a lifecycle: how one event changes the saga's state {@code S} and what clients then see of it,
 * {@code V}. Pure, so that replays are safe.
 */
interface Fold<S, V> {

    SagaStep<S, V> apply(@Nullable S current, Event event);
}
