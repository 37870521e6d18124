package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.trip.TripSnapshot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What folding one event into a trip produced.
 *
 * @param snapshot the new state, or {@code null} when the event changed nothing (duplicate, late or unknown trip)
 * @param commands requests to publish for the next stage, each with its topic
 */
record SagaStep(@Nullable TripSnapshot snapshot, List<Outgoing> commands) {

    static final SagaStep UNCHANGED = new SagaStep(null, List.of());

    record Outgoing(String topic, Event event) {}
}
