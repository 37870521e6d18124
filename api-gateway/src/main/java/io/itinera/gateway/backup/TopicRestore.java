package io.itinera.gateway.backup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes a backup back, each record to its original partition with its timestamp and headers, in the original order.
 * Refuses topics that already hold records or have another partition count: restoring is for an empty cluster, where
 * mixing old and new records would silently change which value compaction keeps.
 */
final class TopicRestore {

    private static final int AWAIT_EVERY = 10_000;
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();
    private long written;

    /** @param producer an idempotent producer with acks=all, so that order and completeness survive retries */
    TopicRestore(Admin admin, KafkaProducer<byte[], byte[]> producer) {
        this.admin = admin;
        this.producer = producer;
    }

    /**
     * Checks that the topics that exist are empty and shaped like the backup's, then creates the missing ones
     * (compacted, with the backup's partition counts). A topic created here is empty by definition, and is not read
     * back: a broker may not serve a new topic's offsets for a moment.
     */
    void prepare(Map<String, Integer> partitions) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (var entry : partitions.entrySet()) {
            if (existing.contains(entry.getKey())) {
                requireEmpty(entry.getKey(), entry.getValue());
            } else {
                missing.add(new NewTopic(entry.getKey(), entry.getValue(), (short) -1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
            awaitLeaders(missing.stream().map(NewTopic::name).toList());
        }
    }

    /** A new topic takes writes only once every partition has a leader; writing earlier makes retries race. */
    private void awaitLeaders(List<String> topics) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (true) {
            try {
                boolean ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.leader() != null
                                && !partition.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the new topics " + topics + " have no leader after " + LEADER_WAIT);
            }
            Thread.sleep(100);
        }
    }

    /** Sends one record; every 10,000 records waits for the broker, so that a failure stops the restore early. */
    void send(BackupRecord record) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(
                record.topic(),
                record.partition(),
                record.timestamp(),
                record.key().length == 0 ? null : record.key(),
                record.value());
        record.headers().forEach(header -> out.headers().add(new RecordHeader(header.key(), header.value())));
        sent.add(producer.send(out));
        written++;
        if (sent.size() >= AWAIT_EVERY) {
            awaitSent();
        }
    }

    /** @return how many records were written, all acknowledged */
    long finish() {
        producer.flush();
        awaitSent();
        return written;
    }

    private void requireEmpty(String topic, int expectedPartitions) throws ExecutionException, InterruptedException {
        // describeTopics answers for every topic asked, or fails.
        int actual = Objects.requireNonNull(
                        admin.describeTopics(List.of(topic))
                                .allTopicNames()
                                .get()
                                .get(topic),
                        topic)
                .partitions()
                .size();
        if (actual != expectedPartitions) {
            throw new IllegalStateException(
                    "%s has %d partitions, the backup %d: restore into a topic of the same shape"
                            .formatted(topic, actual, expectedPartitions));
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < actual; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                admin.listOffsets(latest).all().get();
        if (offsets.values().stream().anyMatch(info -> info.offset() > 0)) {
            throw new IllegalStateException(topic + " already holds records: restore only into an empty cluster");
        }
    }

    private void awaitSent() {
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a restored record", e.getCause());
        }
        sent.clear();
    }
}
