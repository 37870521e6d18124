package io.itinera.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real Kafka broker per test JVM: a Testcontainers broker where Docker is available (CI runners), otherwise a KRaft
 * broker inside the JVM. Either way the tests talk to a real broker over TCP, so the same tests prove the same things
 * on any machine. Use it from {@code @DynamicPropertySource}:
 *
 * <pre>registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);</pre>
 */
public final class KafkaTestBroker {

    /** Set to {@code embedded} or {@code testcontainers} to force a choice; by default Docker decides. */
    public static final String MODE_PROPERTY = "itinera.test.kafka";

    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka-native:4.1.2");

    /**
     * What a single broker needs for transactions and exactly-once Streams, and what our topics assume. The group and
     * transaction coordinators' topics get three partitions, not 50 each (as the local broker's): a test JVM creates
     * them on first use, and a hundred logs to create and load cost every test class seconds of its start.
     */
    static final Map<String, String> SINGLE_BROKER_PROPERTIES = Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "3",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "3",
            "min.insync.replicas", "1",
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0");

    private static @Nullable String bootstrapServers;

    private KafkaTestBroker() {}

    /** Starts the broker on first use and returns its bootstrap servers. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = useDocker() ? startContainer() : startInJvm();
        }
        return bootstrapServers;
    }

    private static boolean useDocker() {
        String mode = System.getProperty(MODE_PROPERTY, "");
        if (mode.equals("embedded")) {
            return false;
        }
        return mode.equals("testcontainers")
                || (mayHaveDocker() && DockerClientFactory.instance().isDockerAvailable());
    }

    /**
     * Whether asking Testcontainers is worth it: it is when a Docker host is configured or a Docker socket exists where
     * Testcontainers looks by default. Without either, its probe (loading its client, trying each strategy, logging
     * an error) cost every test JVM seconds to learn what the file system already says.
     */
    static boolean mayHaveDocker() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        Path userConfig = Path.of(home, ".testcontainers.properties");
        String runtimeDir = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        return Files.exists(userConfig)
                || Stream.of(
                                Path.of("/var/run/docker.sock"),
                                Path.of(home, ".docker", "run", "docker.sock"),
                                Path.of(home, ".docker", "desktop", "docker.sock"),
                                Path.of(runtimeDir, "docker.sock"),
                                Path.of(runtimeDir, ".docker", "run", "docker.sock"))
                        .anyMatch(Files::exists);
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        return newContainer().getBootstrapServers();
    }

    private static KafkaContainer newContainer() {
        KafkaContainer kafka = new KafkaContainer(IMAGE);
        SINGLE_BROKER_PROPERTIES.forEach(
                (key, value) -> kafka.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        kafka.start();
        return kafka;
    }

    private static String startInJvm() {
        EmbeddedKafkaKraftBroker broker = newInJvmBroker();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-shutdown"));
        return broker.getBrokersAsString();
    }

    /** A broker that is only started, the way the shared one is: a container where Docker decides so, else in-JVM. */
    public interface StartedBroker extends AutoCloseable {

        String bootstrapServers();

        @Override
        void close();
    }

    /**
     * Starts another broker, empty and independent of the shared one, for a test that needs a cluster of its own (a
     * restore into an empty cluster, for instance). The caller closes it.
     */
    @SuppressWarnings("resource") // closed by the caller through the returned handle
    public static StartedBroker startAnother() {
        if (useDocker()) {
            KafkaContainer kafka = newContainer();
            return started(kafka.getBootstrapServers(), kafka::stop);
        }
        EmbeddedKafkaKraftBroker broker = newInJvmBroker();
        return started(broker.getBrokersAsString(), broker::destroy);
    }

    private static StartedBroker started(String bootstrapServers, Runnable stop) {
        return new StartedBroker() {
            @Override
            public String bootstrapServers() {
                return bootstrapServers;
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }

    private static EmbeddedKafkaKraftBroker newInJvmBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        SINGLE_BROKER_PROPERTIES.forEach(broker::brokerProperty);
        broker.afterPropertiesSet();
        return broker;
    }
}
