package io.itinera.events.serde;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads JSON into the event record a topic holds: the type given in code, or else the one the topic table ({@link Topics})
 * names for the topic (a dead-letter topic holds what its source holds), so that one consumer configuration serves every listener.
 */
public class EventDeserializer<T> implements Deserializer<T> {

    private final @Nullable Class<T> type;

    /** For Kafka's reflective construction: the type follows from the topic. */
    public EventDeserializer() {
        this.type = null;
    }

    public EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        Class<?> target = type != null
                ? type
                : Topics.find(topic)
                        .<Class<?>>map(TopicSpec::type)
                        .orElseThrow(() -> new SerializationException("no event type is registered for " + topic));
        try {
            return (T) EventJson.mapper().readValue(data, target);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "cannot read " + target.getSimpleName() + " from " + topic + ": " + e.getOriginalMessage(), e);
        }
    }
}
