package io.itinera.gateway.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long a lifecycle keeps a finished state before the saga erases it. The saga indexes every finished state by when
 * it expires, in a store of its own whose keys sort by that time, and on the wall clock reads only the part of the
 * index that is due: never every state.
 *
 * @param storeName the index's store: {@code <expiry epoch ms, 19 digits>|<id>} to the id
 * @param keep how long a finished state is kept
 * @param scanInterval how often the saga looks for expired states
 * @param finishedAt when a state finished; empty while it is open
 */
record Retention<S>(String storeName, Duration keep, Duration scanInterval, Function<S, Optional<Instant>> finishedAt) {

    /** The index key of a state that finished at {@code finished}: fixed width, so keys sort by expiry. */
    String keyOf(Instant finished, String id) {
        return "%019d|%s".formatted(finished.plus(keep).toEpochMilli(), id);
    }

    /** An upper bound of every key that expires at or before {@code now} ({@code }} sorts after {@code |}). */
    static String dueBy(long now) {
        return "%019d}".formatted(now);
    }
}
