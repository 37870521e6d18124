package io.itinera.gateway;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.serde.EventSerializer;
import io.itinera.kafka.KafkaTestBroker;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what a worker would, on the worker's topics of the real broker, so that a test drives a trip through its
 * lifecycle at its own pace.
 */
public final class WorkerEvents {

    private WorkerEvents() {}

    public static <T extends Event> void publish(TopicSpec<T> topic, T event) {
        publish(KafkaTestBroker.bootstrapServers(), topic, event);
    }

    /** Publishes to another broker than the shared one. */
    public static <T extends Event> void publish(String bootstrapServers, TopicSpec<T> topic, T event) {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EventSerializer<>())) {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), event.key(), event);
            EventHeaders.stamp(record.headers(), event, "test-worker");
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic.name(), e);
        }
    }
}
