package io.itinera.gateway.pipeline;

import io.itinera.events.serde.EventDeserializer;
import io.itinera.kafka.KafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic from the beginning, as any consumer would, to find what was published for one key. */
final class TopicReader {

    private TopicReader() {}

    static <T> T find(String topic, Class<T> type, String key) {
        return findRecord(topic, type, key).value();
    }

    static <T> ConsumerRecord<String, T> findRecord(String topic, Class<T> type, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new EventDeserializer<>(type))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicReference<ConsumerRecord<String, T>> found = new AtomicReference<>();
            Awaitility.await(key + " on " + topic)
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> {
                        for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                            if (key.equals(record.key())) {
                                found.set(record);
                            }
                        }
                        return found.get() != null;
                    });
            return Optional.ofNullable(found.get()).orElseThrow();
        }
    }
}
