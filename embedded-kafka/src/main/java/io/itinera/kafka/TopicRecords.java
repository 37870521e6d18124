package io.itinera.kafka;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning with a plain consumer, as another service would, and keeps what it read so that a
 * test can wait for the records of one key. Partitions are assigned, not subscribed, so no consumer group has to form;
 * only committed records are read, as the services read them.
 */
public final class TopicRecords<V> implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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

    /** Records read with the given deserializer, e.g. the services' event deserializer. */
    public static <V> TopicRecords<V> of(String bootstrapServers, Deserializer<V> values, String... topics) {
        return new TopicRecords<>(bootstrapServers, values, List.of(topics));
    }

    /** Raw values, for dead-letter topics that hold what could not be read. */
    public static TopicRecords<byte[]> raw(String bootstrapServers, String... topics) {
        return new TopicRecords<>(bootstrapServers, new ByteArrayDeserializer(), List.of(topics));
    }

    /** Polls until the records of a key satisfy a condition, then returns them in the order they were read. */
    public List<ConsumerRecord<String, V>> awaitFor(String key, Predicate<List<ConsumerRecord<String, V>>> done) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return done.test(withKey(key));
        });
        return withKey(key);
    }

    /** Polls until the records of a key pass the assertions, then returns them. */
    public List<ConsumerRecord<String, V>> awaitRecords(
            String key, Consumer<List<ConsumerRecord<String, V>>> assertions) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            assertions.accept(withKey(key));
        });
        return withKey(key);
    }

    /** Polls until everything read so far satisfies a condition, then returns it in the order it was read. */
    public List<ConsumerRecord<String, V>> awaitAll(Predicate<List<ConsumerRecord<String, V>>> done) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return done.test(List.copyOf(read));
        });
        return List.copyOf(read);
    }

    /**
     * Reads up to the end of every partition as it is now (for a read_committed reader, the last stable offset: open
     * transactions end first) and returns everything read.
     */
    public List<ConsumerRecord<String, V>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return end.entrySet().stream()
                    .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        });
        return List.copyOf(read);
    }

    private List<ConsumerRecord<String, V>> withKey(String key) {
        return read.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
