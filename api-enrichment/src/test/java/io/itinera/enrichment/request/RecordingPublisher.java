package io.itinera.enrichment.request;

import static org.mockito.Mockito.mock;

import io.itinera.events.Event;
import io.itinera.events.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;

/** Keeps what would have been published, in order, instead of sending it. */
class RecordingPublisher extends EventPublisher {

    record Published(String topic, Event event) {}

    final List<Published> published = new ArrayList<>();

    @SuppressWarnings("unchecked")
    RecordingPublisher() {
        super(mock(KafkaOperations.class), "api-enrichment");
    }

    @Override
    public void publish(String topic, Event event, @Nullable Headers causedBy) {
        published.add(new Published(topic, event));
    }
}
