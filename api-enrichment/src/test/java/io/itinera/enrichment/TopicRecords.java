package io.itinera.enrichment;

import static org.awaitility.Awaitility.await;

import io.itinera.events.serde.EventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning with a plain consumer, as another service would, and waits for the records of one
 * key. Partitions are assigned, not subscribed, so no consumer group has to form.
 */
public final class TopicRecords<V> implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

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
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Event records, read with the same deserializer the services use. */
    public static TopicRecords<Object> events(String bootstrapServers, String... topics) {
        return new TopicRecords<>(bootstrapServers, new EventDeserializer<>(), List.of(topics));
    }

    /** Raw bytes, for topics that may hold records no deserializer can read. */
    public static TopicRecords<byte[]> raw(String bootstrapServers, String... topics) {
        return new TopicRecords<>(bootstrapServers, new ByteArrayDeserializer(), List.of(topics));
    }

    /** Polls until the records of a key satisfy a condition, then returns them in the order they were read. */
    public List<ConsumerRecord<String, V>> awaitFor(String key, Predicate<List<ConsumerRecord<String, V>>> done) {
        await().atMost(TIMEOUT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return done.test(ofKey(key));
        });
        return ofKey(key);
    }

    private List<ConsumerRecord<String, V>> ofKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
