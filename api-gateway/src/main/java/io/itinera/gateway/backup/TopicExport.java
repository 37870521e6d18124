package io.itinera.gateway.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Copies topics record by record, in offset order per partition, up to the committed end each partition had when the
 * export began. Superseded values and tombstones are copied too: restored in the same order, compaction leaves exactly
 * what it would have left, and nothing has to be held in memory.
 */
final class TopicExport {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;

    /** @param consumer a consumer reading {@code read_committed}, not subscribed to anything */
    TopicExport(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Each topic's partition count, as the backup's header records it. */
    Map<String, Integer> partitions(List<String> topics) {
        Map<String, Integer> counts = new HashMap<>();
        for (String topic : topics) {
            counts.put(topic, consumer.partitionsFor(topic).size());
        }
        return counts;
    }

    /** @return how many records were copied */
    long copy(List<String> topics, Consumer<BackupRecord> sink) {
        List<TopicPartition> partitions = new ArrayList<>();
        partitions(topics).forEach((topic, count) -> {
            for (int partition = 0; partition < count; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
        });
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        end.values().removeIf(offset -> offset == 0);
        consumer.assign(end.keySet());
        consumer.seekToBeginning(end.keySet());
        long copied = 0;
        while (!end.isEmpty()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long until = end.get(partition);
                if (until != null && record.offset() < until) {
                    sink.accept(toBackup(record));
                    copied++;
                }
            }
            end.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            consumer.pause(consumer.assignment().stream()
                    .filter(partition -> !end.containsKey(partition))
                    .toList());
        }
        return copied;
    }

    private static BackupRecord toBackup(ConsumerRecord<byte[], byte[]> record) {
        List<BackupRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new BackupRecord.Header(header.key(), header.value()));
        }
        return new BackupRecord(
                record.topic(),
                record.partition(),
                record.timestamp(),
                record.key() == null ? new byte[0] : record.key(),
                record.value(),
                List.copyOf(headers));
    }
}
