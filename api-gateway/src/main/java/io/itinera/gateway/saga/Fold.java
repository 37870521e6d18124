package io.itinera.gateway.saga;

import io.itinera.events.Event;
import org.jspecify.annotations.Nullable;

/** The rules of a lifecycle: how one event changes a snapshot. Pure, so that replays are safe. */
interface Fold<S> {

    SagaStep<S> apply(@Nullable S current, Event event);
}
