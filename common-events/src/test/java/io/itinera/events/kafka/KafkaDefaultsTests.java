package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
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
