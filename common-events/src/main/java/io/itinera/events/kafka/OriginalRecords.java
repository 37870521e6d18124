package io.itinera.events.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * Reads a record's value back from its topic, as the bytes that were sent, so that a dead letter holds what the
 * producer wrote and not the listener's re-serialised reading of it (which drops what the event type does not know,
 * and cannot be replayed as the original). Dead letters are rare: one small consumer, created on first use.
 */
final class OriginalRecords implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> config;
    private @Nullable KafkaConsumer<byte[], byte[]> consumer;

    /** @param consumerConfig the service's consumer properties (bootstrap servers, security) */
    OriginalRecords(Map<String, Object> consumerConfig) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.config = config;
    }

    /** The value bytes of the record at that position, if it can be read within a few seconds. */
    synchronized Optional<byte[]> value(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        KafkaConsumer<byte[], byte[]> reader = consumer();
        reader.assign(List.of(partition));
        reader.seek(partition, record.offset());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> read : reader.poll(Duration.ofMillis(200))) {
                // a later offset means the record itself is gone (compacted, or a transaction marker's place)
                return read.offset() == record.offset() ? Optional.ofNullable(read.value()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config);
        }
        return consumer;
    }

    @Override
    public synchronized void destroy() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }
}
