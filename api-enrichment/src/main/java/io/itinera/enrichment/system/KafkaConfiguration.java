package io.itinera.enrichment.system;

import io.itinera.events.Topics;
import io.itinera.events.kafka.DeadLetters;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.KafkaEventPublisher;
import io.itinera.events.kafka.KafkaReadinessIndicator;
import io.itinera.events.kafka.TopicDeclarations;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The shared Kafka plumbing: stamped publishing, retries then dead letters, the topics this service reads and writes,
 * and a readiness check on the broker and the listeners.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    EventPublisher eventPublisher(
            KafkaOperations<String, Object> kafka, @Value("${spring.application.name}") String source) {
        return new KafkaEventPublisher(kafka, source);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<String, Object> kafka, MeterRegistry meters) {
        return DeadLetters.errorHandler(kafka, meters);
    }

    @Bean
    KafkaAdmin.NewTopics enrichmentTopics() {
        return TopicDeclarations.of(Topics.usedBy(Topics.ENRICHMENT));
    }

    /** Named so that its health component is {@code kafka}, which the readiness group includes. */
    @Bean
    KafkaReadinessIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners) {
        return new KafkaReadinessIndicator(
                admin.getConfigurationProperties(), () -> allRunning(listeners.getListenerContainers()), "listeners");
    }

    private static boolean allRunning(Collection<MessageListenerContainer> containers) {
        return !containers.isEmpty() && containers.stream().allMatch(MessageListenerContainer::isRunning);
    }
}
