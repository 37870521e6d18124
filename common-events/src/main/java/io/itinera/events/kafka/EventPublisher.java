package io.itinera.events.kafka;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Publishes an event keyed by its trip (or proposal) id with CloudEvents headers and the request id of the record that
 * caused it. Call sites depend on this interface only, so that how a send is awaited can change behind it without
 * touching them.
 */
public interface EventPublisher {

    /**
     * Publishes to a topic of the table and returns once the broker has acknowledged the event, so that a completion
     * is durable before the listener commits the offset of the record that caused it; the compiler checks that the
     * event is what the topic holds.
     *
     * @param causedBy the headers of the record being handled, whose correlation ids travel on; {@code null} for none
     */
    <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy);

    /**
     * Publishes an informational event (progress) without waiting for the broker: a lost progress event costs a line
     * of history, not the trip, so a failed send is logged and counted and never fails the record. Implementations
     * that cannot send asynchronously publish as {@link #publish} does.
     */
    default <T extends Event> void publishProgress(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        publish(topic, event, causedBy);
    }

    /**
     * Hands an event to the producer without blocking the caller; the future completes when the broker has
     * acknowledged it, or fails when it cannot (bounded by the producer's {@code delivery.timeout.ms}). For callers
     * that must not block a thread while they wait (the gateway's HTTP accept path). Implementations that cannot send
     * asynchronously publish as {@link #publish} does, on another thread.
     */
    default <T extends Event> CompletableFuture<Void> publishAsync(
            TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        return CompletableFuture.runAsync(() -> publish(topic, event, causedBy));
    }
}
