package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.RawForm;
import io.itinera.events.TopicSpec;
import org.jspecify.annotations.Nullable;

/**
 * A record the saga writes, addressed where it is made: the topic comes from the topic table, and the compiler checks
 * that the value is what that topic holds, or a {@link RawForm} of it.
 *
 * @param again a request sent again: it carries {@code itinera-resent}, so that a worker that has just handled the
 *     first drops it
 */
record Outgoing<T>(TopicSpec<T> topic, @Nullable Object value, boolean again) {

    static <T> Outgoing<T> to(TopicSpec<T> topic, T value) {
        return new Outgoing<>(topic, value, false);
    }

    /** A tombstone: once compacted, the topic keeps nothing of the key. */
    static <T> Outgoing<T> tombstone(TopicSpec<T> topic) {
        return new Outgoing<>(topic, null, false);
    }

    /** The topic's record in the form the saga forwards without binding: the same JSON. */
    static <T extends Event> Outgoing<T> to(TopicSpec<T> topic, RawForm<T> value) {
        return new Outgoing<>(topic, value, false);
    }

    /** The same record as a request sent again. */
    Outgoing<T> sentAgain() {
        return new Outgoing<>(topic, value, true);
    }
}
