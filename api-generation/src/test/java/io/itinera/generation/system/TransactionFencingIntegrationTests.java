package io.itinera.generation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.kafka.TransactionFencing;
import io.itinera.generation.KafkaIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * A restarted worker aborts the transactions its killed predecessor left open before its listeners poll, instead of
 * leaving the saga's {@code read_committed} reads of those partitions stalled until the transaction times out.
 */
class TransactionFencingIntegrationTests extends KafkaIntegrationTest {

    @Autowired
    TransactionFencing workersFencing;

    @Test
    void aRestartedWorkerAbortsTheTransactionItsPredecessorLeftOpen() throws Exception {
        // given: a killed predecessor's producer (the same instance name, so the same transactional ids), its
        // transaction open with a completion in it
        String prefix = "api-generation-fencing-" + UUID.randomUUID() + "-";
        TopicPartition partition = newTopic(); // written by nothing else, so no other transaction holds it back
        KafkaProducer<String, String> predecessor =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "1"));
        predecessor.initTransactions();
        predecessor.beginTransaction();
        predecessor
                .send(new ProducerRecord<>(partition.topic(), partition.partition(), "trip-x", "never committed"))
                .get();
        assertThat(committedEnd(partition)).isLessThan(end(partition));

        // when: its successor starts with two listener threads
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(config(Map.of()));
        producers.setTransactionIdPrefix(prefix);
        try {
            new TransactionFencing(producers, () -> 2, Duration.ofSeconds(30)).start();

            // then: the open transaction is aborted at once, and the predecessor can no longer commit it
            assertThat(committedEnd(partition)).isEqualTo(end(partition));
            assertThatThrownBy(predecessor::commitTransaction).isInstanceOf(KafkaException.class);
        } finally {
            producers.destroy();
            predecessor.close(Duration.ZERO);
        }
    }

    @Test
    void theWorkerFencesBeforeItsListenersStart() {
        assertThat(workersFencing.isRunning()).isTrue();
    }

    private static TopicPartition newTopic() throws Exception {
        String topic = "fencing-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return new TopicPartition(topic, 0);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        return new KafkaProducer<>(config(extra));
    }

    private static Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    /** Where a read_committed reader of the partition stops: before the first record of an open transaction. */
    private static long committedEnd(TopicPartition partition) throws Exception {
        return offset(partition, IsolationLevel.READ_COMMITTED);
    }

    private static long end(TopicPartition partition) throws Exception {
        return offset(partition, IsolationLevel.READ_UNCOMMITTED);
    }

    private static long offset(TopicPartition partition, IsolationLevel isolation) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                    .partitionResult(partition)
                    .get()
                    .offset();
        }
    }
}
