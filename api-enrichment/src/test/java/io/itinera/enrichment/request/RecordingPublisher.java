package io.itinera.enrichment.request;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import io.itinera.events.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/** Keeps what would have been published, in order, instead of sending it. */
class RecordingPublisher implements EventPublisher {

    record Published(String topic, Event event) {}

    final List<Published> published = new ArrayList<>();

    @Override
    public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
        published.add(new Published(topic.name(), event));
    }
}
