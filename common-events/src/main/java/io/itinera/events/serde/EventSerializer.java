package io.itinera.events.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Writes any event record as JSON without type information; the topic says what it holds. Raw bytes pass through
 * untouched, so a dead-letter recoverer can forward a record that could not be read in the first place.
 */
public class EventSerializer<T> implements Serializer<T> {

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable T data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] raw) {
            return raw;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " to " + topic, e);
        }
    }
}
