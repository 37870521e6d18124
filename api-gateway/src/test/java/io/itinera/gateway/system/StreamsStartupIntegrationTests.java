package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.gateway.GatewayTestSupport;
import io.itinera.gateway.saga.SagaMetrics;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.kafka.KafkaTestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The gateway's Kafka Streams start-up against real brokers: the exact saga topology, started as the application
 * starts it ({@link StreamsStartup}), without a Spring context.
 */
class StreamsStartupIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * run-local.sh's story on a fresh machine. Its first start: the gateway and the workers declare the same topics at
     * once on an empty broker, and a topic created a moment too late failed the global store's start ("no partitions
     * available for topic travel-trips.state"). Then the broker's data is deleted but not the gateway's state
     * directory (here: another, empty broker): the global store's checkpoint lies past its topic's end, and the global
     * thread stopped the client.
     */
    @Test
    void startsWhenItsTopicsAppearLateAndAgainAfterTheBrokerLostItsData() throws Exception {
        Path stateDir = GatewayTestSupport.newStateDir();
        String broker = KafkaTestBroker.bootstrapServers();
        Saga first = new Saga(broker, stateDir);

        CompletableFuture<Void> started = CompletableFuture.runAsync(first.startup::start);
        // the start holds, neither failing nor starting Streams, until the topics appear
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> !started.isDone() && first.factory.getKafkaStreams() == null);
        createTopics(broker, Topics.usedBy("api-gateway"));
        tombstones(broker, 5);

        started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> first.state() == KafkaStreams.State.RUNNING);
        first.stop();
        GlobalState global = GlobalState.of(first.factory.getStreamsConfiguration());
        assertThat(global.checkpoints()).containsValue(5L);

        try (KafkaTestBroker.StartedBroker empty = KafkaTestBroker.startAnother()) {
            createTopics(empty.bootstrapServers(), Topics.usedBy("api-gateway"));
            Saga after = new Saga(empty.bootstrapServers(), stateDir);

            after.startup.start();

            await().atMost(WAIT).during(Duration.ofSeconds(1)).until(() -> after.state() == KafkaStreams.State.RUNNING);
            assertThat(global.checkpoints()).doesNotContainValue(5L);
            after.stop();
        }
    }

    private static void createTopics(String broker, List<TopicSpec<?>> topics) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(topics.stream()
                            .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }

    private static Admin admin(String broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker));
    }

    /** Records the trips' read model reads past (a tombstone deletes nothing), spread over the partitions. */
    private static void tombstones(String bootstrapServers, int perPartition) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int partition = 0; partition < Topics.TRIP_STATE.partitions(); partition++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(Topics.TRIP_STATE.name(), partition, "trip-" + i, null))
                            .get();
                }
            }
        }
    }

    /** The saga's topology in a factory of its own, started by the application's {@link StreamsStartup}. */
    private static final class Saga {

        final StreamsBuilderFactoryBean factory;
        final StreamsStartup startup;

        Saga(String bootstrapServers, Path stateDir) throws Exception {
            Map<String, Object> config = new HashMap<>(SagaTopology.processingConfig((record, exception) -> {}));
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-gateway-startup");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            // the gateway's session (application.yml): a client that failed does not hold its successor's group for 45
            // s
            config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
            config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
            factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
            // as the application's factory does: the next client need not wait for this one's session to run out
            factory.setLeaveGroupOnClose(true);
            factory.afterPropertiesSet();
            SagaTopology.build(factory.getObject(), Clock.systemUTC(), new SagaMetrics(new SimpleMeterRegistry()));
            factory.afterSingletonsInstantiated();
            startup = new StreamsStartup(
                    factory, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), WAIT);
            factory.setStreamsUncaughtExceptionHandler(startup::handle);
        }

        KafkaStreams.State state() {
            KafkaStreams streams = factory.getKafkaStreams();
            return streams == null ? KafkaStreams.State.CREATED : streams.state();
        }

        void stop() {
            startup.stop();
            factory.stop();
        }
    }
}
