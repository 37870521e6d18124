package io.itinera.events;

import io.itinera.events.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what would have been published, in order, instead of sending it, and whether the publisher waited for the
 * broker: for unit tests of the code that decides what a worker publishes (the Kafka path is tested against a broker).
 */
public class RecordingPublisher implements EventPublisher {

    /** @param acknowledged whether the caller waited for the broker ({@code publish}) or not ({@code publishProgress}) */
    public record Published(String topic, Event event, boolean acknowledged) {}

    public final List<Published> published = new ArrayList<>();

    @Override
    public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        published.add(new Published(topic.name(), event, true));
    }

    @Override
    public <T extends Event> void publishProgress(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        published.add(new Published(topic.name(), event, false));
    }
}
