package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.internals.AdminMetadataManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

class KafkaDefaultsTests {

    @Test
    void everyServiceGetsTheSharedProducerAndConsumerSettings() {
        KafkaProperties kafka = kafkaProperties(Map.of("spring.application.name", "api-generation"));

        Map<String, Object> consumer = kafka.buildConsumerProperties();
        assertThat(consumer)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "api-generation")
                .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class)
                .containsEntry(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, EventDeserializer.class.getName());
        assertThat(kafka.buildProducerProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class);
        assertThat(kafka.getListener().isObservationEnabled()).isTrue();
        assertThat(kafka.getStreams().getApplicationId()).isEqualTo("api-generation");
    }

    @Test
    void consumersAreReplacedWithinSecondsAndTransactionsLeftOpenEndSoon() {
        KafkaProperties kafka = kafkaProperties(Map.of("spring.application.name", "api-generation"));

        assertThat(kafka.buildConsumerProperties())
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        assertThat(kafka.buildProducerProperties()).containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "6000");
    }

    @Test
    void aRebalanceWaitsSecondsNotMinutesForAMemberThatDoesNotRejoin() {
        KafkaProperties kafka = kafkaProperties(Map.of("spring.application.name", "api-gateway"));

        assertThat(kafka.buildConsumerProperties()).containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "45000");
        assertThat(kafka.getStreams().getProperties())
                .containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "45000");
        // well above what a listener's poll may take: its transaction times out first
        assertThat(Long.parseLong(
                        (String) kafka.buildConsumerProperties().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG)))
                .isGreaterThan(Long.parseLong(
                        (String) kafka.buildProducerProperties().get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)));
    }

    @Test
    void eachApplicationContextOffKubernetesIsAnInstanceOfItsOwn() {
        StandardEnvironment first = new StandardEnvironment();
        StandardEnvironment second = new StandardEnvironment();
        new KafkaDefaults().postProcessEnvironment(first, new SpringApplication());
        new KafkaDefaults().postProcessEnvironment(second, new SpringApplication());

        assertThat(first.getProperty(KafkaDefaults.INSTANCE_ID))
                .startsWith("local-" + ProcessHandle.current().pid() + "-")
                .isNotEqualTo(second.getProperty(KafkaDefaults.INSTANCE_ID));
    }

    @Test
    void anAdminClientThatFindsNoBrokerDoesNotRebootstrapInALoop() {
        Map<String, Object> config = new HashMap<>(kafkaProperties(Map.of("spring.application.name", "api-gateway"))
                .buildAdminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"); // nothing listens there
        Logger metadata = (Logger) LoggerFactory.getLogger(AdminMetadataManager.class);
        Level level = metadata.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        metadata.addAppender(logged);
        metadata.setLevel(Level.INFO);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .clusterId()
                            .get())
                    .hasCauseInstanceOf(TimeoutException.class);
        } finally {
            metadata.detachAppender(logged);
            metadata.setLevel(level);
        }

        // with Kafka 4's default (metadata.recovery.strategy=rebootstrap) this client logged 232 of these in the 2 s,
        // and Spring's KafkaAdmin in a service about 5,000 a second while the broker was away
        assertThat(logged.list)
                .filteredOn(event -> event.getFormattedMessage().contains("Rebootstrapping"))
                .hasSizeLessThan(10);
    }

    @Test
    void theServicesOwnConfigurationWins() {
        KafkaProperties kafka = kafkaProperties(
                Map.of("spring.application.name", "api-generation", "spring.kafka.consumer.group-id", "planners"));

        assertThat(kafka.buildConsumerProperties()).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "planners");
    }

    private static KafkaProperties kafkaProperties(Map<String, Object> applicationYaml) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", applicationYaml));
        new KafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
    }
}
