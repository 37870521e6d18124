package io.itinera.generation.system;

import io.itinera.events.Topics;
import io.itinera.events.kafka.DeadLetters;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.KafkaEventPublisher;
import io.itinera.events.kafka.KafkaReadinessIndicator;
import io.itinera.events.kafka.TopicDeclarations;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The Kafka plumbing every Itinera worker shares: publisher, dead letters, topics and readiness. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, Object> kafkaTemplate, @Value("${spring.application.name}") String service) {
        return new KafkaEventPublisher(kafkaTemplate, service);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> kafkaTemplate, MeterRegistry meters) {
        return DeadLetters.errorHandler(kafkaTemplate, meters);
    }

    @Bean
    KafkaAdmin.NewTopics generationTopics() {
        return TopicDeclarations.of(Topics.usedBy(Topics.GENERATION));
    }

    @Bean
    KafkaReadinessIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaListenerEndpointRegistry registry) {
        return new KafkaReadinessIndicator(
                admin.getConfigurationProperties(),
                () -> !registry.getListenerContainers().isEmpty()
                        && registry.getListenerContainers().stream().allMatch(MessageListenerContainer::isRunning),
                "generation-listener");
    }
}
