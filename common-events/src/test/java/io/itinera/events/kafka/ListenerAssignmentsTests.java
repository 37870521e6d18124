package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Readiness of a worker replica whose consumers the group left without partitions (a second replica of api-generation:
 * four consumers per topic for three partitions): Kafka calls {@code onPartitionsAssigned} with an empty collection
 * after every join, and that must count, or the replica would never be ready and a rollout would wait for it.
 */
class ListenerAssignmentsTests {

    private static final TopicPartition REQUESTS_0 = new TopicPartition("travel-generation.request", 0);

    // real consumers, never polled: the listener only tells them apart
    private final KafkaConsumer<String, String> first = consumer("first");
    private final KafkaConsumer<String, String> second = consumer("second");
    private final ListenerAssignments assignments = new ListenerAssignments();

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void aConsumerGivenNoPartitionsIsAssignedOnceItHasJoined() {
        List<MessageListenerContainer> containers =
                List.of(new Container(Map.of("first", List.of(REQUESTS_0), "second", List.of())));

        assignments.onPartitionsAssigned(first, List.of(REQUESTS_0));
        assertThat(assignments.allAssigned(containers))
                .as("the second consumer has not joined yet")
                .isFalse();

        assignments.onPartitionsAssigned(second, List.of());
        assertThat(assignments.allAssigned(containers)).isTrue();
    }

    @Test
    void aConsumerThatLostItsPartitionsIsAssignedAgainOnlyOnceItRejoined() {
        List<MessageListenerContainer> containers =
                List.of(new Container(Map.of("first", List.of(REQUESTS_0), "second", List.of())));
        assignments.onPartitionsAssigned(first, List.of(REQUESTS_0));
        assignments.onPartitionsAssigned(second, List.of());

        assignments.onPartitionsLost(first, List.of(REQUESTS_0));
        assertThat(assignments.allAssigned(containers)).isFalse();

        assignments.onPartitionsAssigned(first, List.of());
        assertThat(assignments.allAssigned(containers)).isTrue();
    }

    private static KafkaConsumer<String, String> consumer(String clientId) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9",
                        ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                        ConsumerConfig.GROUP_ID_CONFIG, "api-generation"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** A running container with these consumers (client id to assigned partitions). */
    private record Container(Map<String, Collection<TopicPartition>> assignmentsByClientId)
            implements MessageListenerContainer {

        @Override
        public Map<String, Collection<TopicPartition>> getAssignmentsByClientId() {
            return assignmentsByClientId;
        }

        @Override
        public void setupMessageListener(Object messageListener) {}

        @Override
        public Map<String, Map<MetricName, ? extends Metric>> metrics() {
            return Map.of();
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public boolean isRunning() {
            return true;
        }
    }
}
