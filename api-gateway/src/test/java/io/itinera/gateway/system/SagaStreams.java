package io.itinera.gateway.system;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.gateway.saga.SagaMetrics;
import io.itinera.gateway.saga.SagaTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The gateway's saga topology in a Streams factory of its own, started by the application's {@link StreamsStartup}. */
final class SagaStreams {

    final StreamsBuilderFactoryBean factory;
    final StreamsStartup startup;

    SagaStreams(String bootstrapServers, Path stateDir, Duration wait) throws Exception {
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
        startup =
                new StreamsStartup(factory, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), wait);
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

    static void createTopics(String broker, List<TopicSpec<?>> topics) throws Exception {
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
    static void tombstones(String bootstrapServers, int perPartition) throws Exception {
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
}
