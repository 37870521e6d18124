package io.itinera.gateway.saga;

import io.itinera.events.TopicSpec;

/**
 * A record the saga writes, addressed where it is made: the topic comes from the topic table, and the compiler checks
 * that the value is what that topic holds.
 */
record Outgoing<T>(TopicSpec<T> topic, T value) {

    static <T> Outgoing<T> to(TopicSpec<T> topic, T value) {
        return new Outgoing<>(topic, value);
    }
}
