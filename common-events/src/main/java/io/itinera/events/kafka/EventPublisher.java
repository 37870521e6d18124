package io.itinera.events.kafka;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Publishes an event keyed by its trip (or proposal) id with CloudEvents headers and the request id of the record that
 * caused it. Call sites depend on this interface only, so that how a send is awaited (today: before {@code publish}
 * returns) can change behind it without touching them.
 */
public interface EventPublisher {

    /**
     * Publishes to a topic of the table; the compiler checks that the event is what the topic holds.
     *
     * @param causedBy the headers of the record being handled, whose correlation ids travel on; {@code null} for none
     */
    <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy);
}
