package io.itinera.gateway.pipeline;

import io.itinera.events.serde.EventDeserializer;
import io.itinera.kafka.KafkaTestBroker;
import io.itinera.kafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Finds what was published on a topic for one key, read from the beginning as any consumer would. */
final class TopicReader {

    private TopicReader() {}

    static <T> T find(String topic, Class<T> type, String key) {
        return findRecord(topic, type, key).value();
    }

    static <T> ConsumerRecord<String, T> findRecord(String topic, Class<T> type, String key) {
        try (TopicRecords<T> records =
                TopicRecords.of(KafkaTestBroker.bootstrapServers(), new EventDeserializer<>(type), topic)) {
            return records.awaitFor(key, found -> !found.isEmpty()).get(0);
        }
    }
}
