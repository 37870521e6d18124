package io.itinera.events.serde;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.util.Map;
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
    private final Map<String, Class<?>> formsByTopic;

    /** For Kafka's reflective construction: the type follows from the topic. */
    public EventDeserializer() {
        this(null, Map.of());
    }

    public EventDeserializer(Class<T> type) {
        this(type, Map.of());
    }

    private EventDeserializer(@Nullable Class<T> type, Map<String, Class<?>> formsByTopic) {
        this.type = type;
        this.formsByTopic = formsByTopic;
    }

    /**
     * Reads the topics named in {@code formsByTopic} as the record given there (a {@link io.itinera.events.RawForm} of
     * the topic's record, for code that only forwards its bulky parts) and every other topic as the table says.
     */
    public static <T> EventDeserializer<T> withForms(Map<String, Class<?>> formsByTopic) {
        return new EventDeserializer<>(null, Map.copyOf(formsByTopic));
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable T deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        Class<?> form = formsByTopic.get(topic);
        Class<?> target = type != null
                ? type
                : form != null
                        ? form
                        : Topics.find(topic)
                                .<Class<?>>map(TopicSpec::type)
                                .orElseThrow(
                                        () -> new SerializationException("no event type is registered for " + topic));
        try {
            return (T) EventJson.read(data, target);
        } catch (JacksonException e) {
            throw new SerializationException(
                    "cannot read " + target.getSimpleName() + " from " + topic + ": " + e.getOriginalMessage(), e);
        }
    }
}
