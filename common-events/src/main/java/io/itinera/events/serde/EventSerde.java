package io.itinera.events.serde;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka Streams serdes for event records. */
public final class EventSerde {

    private EventSerde() {}

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(new EventSerializer<>(), new EventDeserializer<>(type));
    }
}
