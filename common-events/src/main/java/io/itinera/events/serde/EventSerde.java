package io.itinera.events.serde;

import io.itinera.events.TopicSpec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka Streams serdes for event records. */
public final class EventSerde {

    private EventSerde() {}

    /** The serde of the record a topic holds. */
    public static <T> Serde<T> of(TopicSpec<T> topic) {
        return of(topic.type());
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(new EventSerializer<>(), new EventDeserializer<>(type));
    }
}
