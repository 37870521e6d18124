package io.itinera.events.kafka;

import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka settings every Itinera service shares, added as the lowest-precedence property source so that any
 * {@code application.yml}, environment variable or test property overrides them: JSON events without type headers,
 * durable idempotent producers, consumers that read only committed records (the gateway writes with exactly-once
 * transactions) and survive a poison pill, and observation so one trace spans producer and consumer. It also names
 * this instance ({@value #INSTANCE_ID}), for the workers' transactional ids.
 */
public class KafkaDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "itineraKafkaDefaults";

    /**
     * This process's name among the instances of its service: the pod name on Kubernetes ({@code HOSTNAME}), so that a
     * restarted container takes over its predecessor's transactions at once; elsewhere {@code local-<pid>-<n>}, unique
     * per application context. Set it to override.
     */
    public static final String INSTANCE_ID = "itinera.kafka.instance-id";

    private static final String INSTANCE_SOURCE_NAME = "itineraKafkaInstance";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("itinera.kafka.service", "${spring.application.name}"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.key-serializer", StringSerializer.class.getName()),
            Map.entry("spring.kafka.producer.value-serializer", EventSerializer.class.getName()),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            // Transactional producers only (the workers): a transaction left open by a killed worker blocks
            // read_committed readers of its partitions until it times out, and the other replica's takeover of its
            // input partitions too (their offsets are pending in it), so it ends about when the dead member's 6 s
            // session does. A poll's work (max-poll-records) stays well inside it.
            Map.entry("spring.kafka.producer.properties.transaction.timeout.ms", "6000"),
            // The admin clients (Spring's KafkaAdmin and ours, built from its properties: readiness, the hanging-
            // transaction watch, the saga's fencing) do not rebootstrap: with Kafka 4's default, one that found no
            // broker rebootstrapped in a tight loop, about 5,000 INFO lines a second each for as long as the broker
            // was away (reliability.md, "Session 19"). They retry their bootstrap address after the reconnect backoff
            // instead, as before Kafka 4; producers and consumers keep the default.
            Map.entry("spring.kafka.admin.properties.metadata.recovery.strategy", "none"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.isolation-level", "read_committed"),
            // A consumer that dies is replaced within seconds, not after the default 45 s (issue 11): with two replicas
            // of a worker the survivor takes its partitions once this session runs out (6 s, the broker's minimum, as
            // the saga's), so that a dead worker costs less than the 10 s goal; a rebalance moves only the partitions
            // that change hands, the others keep being processed.
            Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "6000"),
            Map.entry("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000"),
            // The rebalance timeout: how long the group coordinator holds a rebalance for a member that has not
            // rejoined. After a broker restart a static member can be fenced by its own rejoin (its consumer dies and a
            // new one takes its instance id); with the default 5 min every member of the group waited that long, and
            // trips in flight ran into their stage deadline (chaos kill-broker, session 9). It must outlast a broker
            // outage, through which a consumer's thread blocks in its producer between two polls: at 20 s a 18 s
            // restart made the saga's threads leave their group (term-broker). A poll's own work is bounded far below
            // it by the 6 s transactions.
            Map.entry("spring.kafka.consumer.properties.max.poll.interval.ms", "45000"),
            Map.entry(
                    "spring.kafka.consumer.properties.partition.assignment.strategy",
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
            Map.entry("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName()),
            Map.entry("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName()),
            Map.entry(
                    "spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                    EventDeserializer.class.getName()),
            // On shutdown a listener finishes the record in hand and hands the rest of its batch back uncommitted,
            // instead of working through up to max.poll.records first.
            Map.entry("spring.kafka.listener.immediate-stop", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.streams.application-id", "${spring.application.name}"),
            Map.entry("spring.kafka.streams.properties.consumer.isolation.level", "read_committed"),
            Map.entry("spring.kafka.streams.properties.producer.acks", "all"),
            // Kafka Streams' threads as static members (<instance id>-<thread>): a restarted pod takes its tasks back
            // at once; one that died is replaced after the session timeout, not 45 s.
            Map.entry("spring.kafka.streams.properties.group.instance.id", "${" + INSTANCE_ID + "}"),
            Map.entry("spring.kafka.streams.properties.session.timeout.ms", "8000"),
            Map.entry("spring.kafka.streams.properties.heartbeat.interval.ms", "2000"),
            // The saga's rebalance timeout, as the listeners' (above).
            Map.entry("spring.kafka.streams.properties.max.poll.interval.ms", "45000"));

    /** The shared defaults, for code that reads a service's configuration without starting it (the deploy checks). */
    public static MapPropertySource propertySource() {
        return new MapPropertySource(SOURCE_NAME, DEFAULTS);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(propertySource());
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(INSTANCE_SOURCE_NAME, Map.of(INSTANCE_ID, instanceId(environment))));
    }

    private static String instanceId(ConfigurableEnvironment environment) {
        String hostname = System.getenv("HOSTNAME");
        if (CloudPlatform.getActive(environment) == CloudPlatform.KUBERNETES
                && hostname != null
                && !hostname.isBlank()) {
            return hostname;
        }
        return "local-" + ProcessHandle.current().pid() + "-" + CONTEXTS.incrementAndGet();
    }

    /** After the config data ({@code application.yml}) is loaded, so that adding last really puts these below it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
