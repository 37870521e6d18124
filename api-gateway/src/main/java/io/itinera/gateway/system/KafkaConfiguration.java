package io.itinera.gateway.system;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.KafkaReadinessIndicator;
import io.itinera.events.kafka.TopicDeclarations;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
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

    /** What the gateway writes, plus what its saga reads, so it can start before the workers. */
    static List<TopicSpec> declaredTopics() {
        return Stream.concat(
                        Topics.ownedBy("api-gateway").stream(),
                        Stream.of(
                                        Topics.ENRICHMENT_PROGRESS,
                                        Topics.ENRICHMENT_COMPLETED,
                                        Topics.GENERATION_PROGRESS,
                                        Topics.GENERATION_COMPLETED,
                                        Topics.PROPOSAL_PROGRESS,
                                        Topics.PROPOSAL_COMPLETED)
                                .map(Topics::spec))
                .toList();
    }

    @Bean
    KafkaAdmin.NewTopics gatewayTopics() {
        return TopicDeclarations.of(declaredTopics());
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, Object> kafkaTemplate, @Value("${spring.application.name}") String source) {
        return new EventPublisher(kafkaTemplate, source);
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
