package io.itinera.generation;

import static org.awaitility.Awaitility.await;

import io.itinera.events.serde.EventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning with a plain consumer, as any other service would, and keeps what it has read so
 * that a test can wait until the records of one trip are there.
 */
public final class TopicRecords<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> read = new ArrayList<>();

    private TopicRecords(String bootstrapServers, Deserializer<V> values, List<String> topics) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                values);
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic ->
                        consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Event records, typed by the topic they come from. */
    public static TopicRecords<Object> events(String bootstrapServers, String... topics) {
        return new TopicRecords<>(bootstrapServers, new EventDeserializer<>(), List.of(topics));
    }

    /** Raw values, for dead-letter topics that hold what could not be read. */
    public static TopicRecords<byte[]> raw(String bootstrapServers, String... topics) {
        return new TopicRecords<>(bootstrapServers, new ByteArrayDeserializer(), List.of(topics));
    }

    /** Polls until the records read so far with the given key satisfy the assertions, and returns them. */
    public List<ConsumerRecord<String, V>> awaitRecords(
            String key, Consumer<List<ConsumerRecord<String, V>>> assertions) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                    assertions.accept(withKey(key));
                });
        return withKey(key);
    }

    private List<ConsumerRecord<String, V>> withKey(String key) {
        return read.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
