package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itinera.kafka.KafkaTestBroker;
import io.itinera.kafka.TopicRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The fencing on a real broker: two saga replicas named as Kafka Streams names them, each with a transaction open;
 * one is a member of the saga's group and the other is gone from it.
 */
class DeadReplicaFencingBrokerTests {

    private static final Duration OPEN_FOR = Duration.ofMillis(500);

    private final String application = "fencing-" + UUID.randomUUID().toString().substring(0, 8);
    private final String live = UUID.randomUUID().toString();
    private final String dead = UUID.randomUUID().toString();

    @Test
    void theTransactionOfAReplicaGoneFromTheGroupIsEndedAndOnlyThatOne() throws Exception {
        String topic = createTopic();
        try (KafkaConsumer<String, String> member = joinTheGroup(live, topic);
                KafkaProducer<String, String> deadOne = openTransaction(dead, topic, "held");
                KafkaProducer<String, String> liveOne = openTransaction(live, topic, "live, not yet committed")) {
            append(topic, "after it");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            DeadReplicaFencing fencing = fencing(live, OPEN_FOR, meters);
            fencing.start();
            try {
                assertThat(committedValues(topic)).isEmpty(); // held behind the open transactions

                // listed once open for longer than OPEN_FOR
                Set<String> ended = await().atMost(Duration.ofSeconds(10)).until(fencing::sweep, ids -> !ids.isEmpty());

                assertThat(ended).containsExactly(application + "-" + dead + "-1");

                liveOne.commitTransaction(); // the member's transaction was left alone
                assertThat(committedValues(topic)).containsExactly("live, not yet committed", "after it");
                assertThat(meters.get(DeadReplicaFencing.FENCED).counter().count())
                        .isEqualTo(1);
                assertThat(fencing.sweep()).isEmpty();
            } finally {
                fencing.stop();
            }
        }
    }

    @Test
    void aReplicaThatDoesNotSeeItselfInTheGroupFencesNobody() throws Exception {
        String topic = createTopic();
        try (KafkaConsumer<String, String> member = joinTheGroup(live, topic);
                KafkaProducer<String, String> deadOne = openTransaction(dead, topic, "held")) {
            DeadReplicaFencing fencing =
                    fencing(UUID.randomUUID().toString(), Duration.ZERO, new SimpleMeterRegistry());
            fencing.start();
            try {
                assertThat(fencing.sweep()).isEmpty();
            } finally {
                fencing.stop();
            }
            deadOne.abortTransaction();
        }
    }

    private DeadReplicaFencing fencing(String thisProcess, Duration openFor, SimpleMeterRegistry meters) {
        String servers = KafkaTestBroker.bootstrapServers();
        return new DeadReplicaFencing(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                application,
                () -> Optional.of(thisProcess),
                new SagaFencingProperties(true, Duration.ofHours(1), openFor),
                meters);
    }

    private String createTopic() throws Exception {
        String topic = application + "-input";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    /** A member of the saga's group named as a replica's stream thread names its consumer. */
    private KafkaConsumer<String, String> joinTheGroup(String process, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                application,
                ConsumerConfig.CLIENT_ID_CONFIG,
                application + "-" + process + "-StreamThread-1-consumer",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        consumer.subscribe(List.of(topic));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100));
        }
        assertThat(consumer.assignment()).isNotEmpty();
        return consumer;
    }

    /** A replica's exactly-once producer (stream thread 1) with a transaction left open on the topic. */
    private KafkaProducer<String, String> openTransaction(String process, String topic, String value) throws Exception {
        Map<String, Object> config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, application + "-" + process + "-1");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 300_000);
        KafkaProducer<String, String> producer = new KafkaProducer<>(config);
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, 0, "trip", value)).get();
        return producer;
    }

    private static void append(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> plain = new KafkaProducer<>(producerConfig())) {
            plain.send(new ProducerRecord<>(topic, 0, "trip", value)).get();
        }
    }

    private static Map<String, Object> producerConfig() {
        return new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** What a read_committed reader gets from the topic now: up to its first open transaction. */
    private static List<String> committedValues(String topic) {
        try (TopicRecords<String> records =
                TopicRecords.of(KafkaTestBroker.bootstrapServers(), new StringDeserializer(), topic)) {
            return records.readToEnd().stream().map(ConsumerRecord::value).toList();
        }
    }
}
