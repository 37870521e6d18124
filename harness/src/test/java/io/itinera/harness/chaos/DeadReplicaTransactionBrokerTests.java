package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.kafka.KafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeadReplicaTransactionBrokerTests {

    @Test
    void reportsWhenASuccessorFencesTheTransactionAndWhenNothingDoes() throws Exception {
        String servers = KafkaTestBroker.bootstrapServers();
        String topic = "dead-replica-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        CompletableFuture<String> opened = new CompletableFuture<>();
        CompletableFuture<Void> successor = opened.thenAcceptAsync(id -> {
            try (KafkaProducer<String, String> fencing = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    servers,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    id,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                fencing.initTransactions();
            }
        });

        Optional<Duration> fenced = DeadReplicaTransaction.openUntilFenced(
                servers, "fencing-check", topic, Duration.ofSeconds(30), opened::complete);
        successor.get();

        assertThat(opened.get()).matches("fencing-check-[0-9a-f-]{36}-1");
        assertThat(fenced).hasValueSatisfying(after -> assertThat(after).isLessThan(Duration.ofSeconds(30)));
        assertThat(DeadReplicaTransaction.openUntilFenced(
                        servers, "fencing-check", topic, Duration.ofSeconds(1), id -> {}))
                .isEmpty();
    }
}
