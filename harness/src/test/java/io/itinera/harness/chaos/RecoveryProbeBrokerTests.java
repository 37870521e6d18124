package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itinera.kafka.KafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The probe on a real broker: records held back by a transaction that stays open are a stall, not an idle partition. */
class RecoveryProbeBrokerTests {

    private static final String TOPIC = "probe-open-transaction";
    private static final String GROUP = "probe-open-transaction-reader";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void recordsBehindATransactionThatStaysOpenAreAStall() throws Exception {
        String servers = KafkaTestBroker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
                KafkaProducer<String, String> open = producer(servers, "probe-open");
                KafkaProducer<String, String> plain = producer(servers, null)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            // the reader has read everything before the open transaction
            admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(0)))
                    .all()
                    .get();
            open.initTransactions();
            open.beginTransaction();
            open.send(new ProducerRecord<>(TOPIC, 0, "trip", "held")).get();
            plain.send(new ProducerRecord<>(TOPIC, 0, "trip", "behind it")).get();
            plain.send(new ProducerRecord<>(TOPIC, 0, "trip", "and another")).get();

            long fault = System.nanoTime();
            try (RecoveryProbe probe = new RecoveryProbe(servers, List.of(GROUP))) {
                probe.start();

                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(probe.stalls(GROUP, fault, Long.MAX_VALUE))
                                .singleElement()
                                .satisfies(stall -> {
                                    assertThat(stall.partition()).isEqualTo(PARTITION);
                                    assertThat(stall.endedNanos()).isNegative();
                                }));
                assertThat(probe.recoveryNanos(GROUP, fault, Long.MAX_VALUE)).isEqualTo(-1);
            }
            open.abortTransaction();
        }
    }

    private static KafkaProducer<String, String> producer(String servers, String transactionalId) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        }
        return new KafkaProducer<>(config);
    }
}
