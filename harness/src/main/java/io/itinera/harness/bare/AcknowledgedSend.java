package io.itinera.harness.bare;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;

/**
 * The Kafka half of issue 10's reference for goal 3 ("a plain WebFlux handler plus an acks=all Kafka send"): one
 * producer with the gateway's delivery settings (acks=all, idempotent, linger 2 ms) writing each request to a topic
 * of its own with as many partitions as the trip commands' topic; a send completes on the broker's acknowledgement,
 * on the producer's network thread, as the gateway's does.
 */
final class AcknowledgedSend implements AutoCloseable {

    static final String TOPIC = "harness.accept-reference";
    static final int PARTITIONS = 3;

    private final KafkaProducer<String, byte[]> producer;

    AcknowledgedSend(String bootstrapServers) {
        createTopic(bootstrapServers);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                2,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        // Fetches the topic's metadata now, so that no request's send blocks an event loop for it.
        producer.partitionsFor(TOPIC);
    }

    Mono<Void> send(String key, byte[] value) {
        return Mono.fromFuture(() -> {
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(failure);
                } else {
                    acknowledged.complete(null);
                }
            });
            return acknowledged;
        });
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void createTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        }
    }
}
