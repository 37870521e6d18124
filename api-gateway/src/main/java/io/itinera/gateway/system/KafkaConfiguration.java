package io.itinera.gateway.system;

import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.KafkaEventPublisher;
import io.itinera.events.kafka.KafkaReadinessIndicator;
import io.itinera.events.kafka.TopicDeclarations;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The gateway's topics, its command publisher and its readiness. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics gatewayTopics() {
        return TopicDeclarations.of(Topics.usedBy(Topics.GATEWAY));
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, Object> kafkaTemplate, @Value("${spring.application.name}") String source) {
        return new KafkaEventPublisher(kafkaTemplate, source);
    }

    @Bean
    KafkaReadinessIndicator kafkaHealthIndicator(KafkaAdmin admin, StreamsBuilderFactoryBean streams) {
        return new KafkaReadinessIndicator(
                admin.getConfigurationProperties(),
                () -> {
                    // Rebalancing is normal life for a group of replicas: the read models stay queryable and commands
                    // are only published, so a rebalance must not take every replica out of rotation.
                    KafkaStreams kafkaStreams = streams.getKafkaStreams();
                    return kafkaStreams != null
                            && (kafkaStreams.state() == KafkaStreams.State.RUNNING
                                    || kafkaStreams.state() == KafkaStreams.State.REBALANCING);
                },
                "tripSaga");
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
