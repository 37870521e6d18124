package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.test.util.ReflectionTestUtils;

/** The auto-configuration as a service sees it: the shared defaults applied, no broker needed to build the context. */
class ItineraKafkaAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context ->
                    new KafkaDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ItineraKafkaAutoConfiguration.class))
            .withPropertyValues("spring.application.name=api-enrichment", "spring.kafka.admin.auto-create=false");

    @Test
    void aWorkerGetsThePlumbingWithoutConfiguringIt() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(EventPublisher.class).isInstanceOf(KafkaEventPublisher.class);
            assertThat(context).getBean(CommonErrorHandler.class).isInstanceOf(DefaultErrorHandler.class);
            assertThat(context).hasSingleBean(StageHandler.class);
            assertThat(context).hasBean(ItineraKafkaAutoConfiguration.HEALTH_INDICATOR);
            assertThat(context).doesNotHaveBean(StreamsState.class);
            assertThat(context.getBean(ItineraKafkaProperties.class).service()).isEqualTo("api-enrichment");
        });
    }

    @Test
    void aTransactionalWorkerSendsProgressThroughAProducerOutsideItsTransactions() {
        runner.withPropertyValues(
                        "spring.kafka.producer.transaction-id-prefix=${spring.application.name}-${itinera.kafka.instance-id}-")
                .run(context -> {
                    assertThat(context).hasSingleBean(KafkaTransactionManager.class);
                    assertThat(context.getBean(KafkaTemplate.class).isTransactional())
                            .isTrue();
                    assertThat(context.getBean(ProgressTemplate.class)
                                    .operations()
                                    .isTransactional())
                            .isFalse();
                    assertThat(context.getBean(KafkaTransactionManager.class)
                                    .getProducerFactory()
                                    .getTransactionIdPrefix())
                            .as("one prefix per instance, so that instances never fence each other")
                            .matches("api-enrichment-local-\\d+-\\d+-");
                });
    }

    @Test
    void aServiceWithoutTransactionsSendsProgressThroughItsOwnTemplate() {
        runner.run(context -> assertThat(context.getBean(ProgressTemplate.class).operations())
                .isSameAs(context.getBean(KafkaTemplate.class)));
    }

    @Test
    void listenerConsumersAreStaticMembersNamedAfterTheInstanceAndTheirTopic() {
        runner.withPropertyValues("itinera.kafka.instance-id=api-enrichment-7d9f-x2")
                .run(context -> {
                    AbstractMessageListenerContainer<?, ?> container = context.getBean(
                                    ConcurrentKafkaListenerContainerFactory.class)
                            .createContainer(Topics.ENRICHMENT_REQUEST.name());
                    assertThat(container.getContainerProperties().getKafkaConsumerProperties())
                            .containsEntry(
                                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                                    "api-enrichment-7d9f-x2-" + Topics.ENRICHMENT_REQUEST.name());
                    assertThat(context).hasSingleBean(ListenerAssignments.class);
                });
    }

    @Test
    void staticMembershipCanBeSwitchedOff() {
        runner.withPropertyValues("itinera.kafka.static-membership=false")
                .run(context -> assertThat(context).doesNotHaveBean(StaticMembership.class));
    }

    @Test
    void declaresTheTopicsTheServiceReadsAndWritesFromTheTopicTable() {
        runner.run(context -> {
            KafkaAdmin.NewTopics topics =
                    context.getBean(ItineraKafkaAutoConfiguration.TOPICS, KafkaAdmin.NewTopics.class);
            Collection<NewTopic> declared = ReflectionTestUtils.invokeMethod(topics, "getNewTopics");
            assertThat(declared)
                    .extracting(NewTopic::name)
                    .containsExactlyInAnyOrderElementsOf(Topics.usedBy(Topics.ENRICHMENT).stream()
                            .map(TopicSpec::name)
                            .toList());
        });
    }

    @Test
    void declaresNoTopicsWhereAnOperatorManagesThem() {
        runner.withPropertyValues("itinera.kafka.declare-topics=false")
                .run(context -> assertThat(context).doesNotHaveBean(ItineraKafkaAutoConfiguration.TOPICS));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnPublisher() {
        runner.withUserConfiguration(OwnPublisher.class)
                .run(context -> assertThat(context)
                        .getBean(EventPublisher.class)
                        .isSameAs(context.getBean(OwnPublisher.class).publisher));
    }

    @Test
    void readinessFollowsKafkaStreamsWhenTheApplicationHasATopology() {
        runner.withUserConfiguration(StreamsApplication.class).run(context -> {
            assertThat(context).hasSingleBean(StreamsState.class);
            assertThat(context.getBean(StreamsState.class).getAsBoolean())
                    .as("a topology that has not started is not ready")
                    .isFalse();
        });
    }

    @Test
    void retriesAreConfigurable() {
        runner.withPropertyValues("itinera.kafka.retry.max-attempts=5", "itinera.kafka.send-timeout=2s")
                .run(context -> {
                    ItineraKafkaProperties properties = context.getBean(ItineraKafkaProperties.class);
                    assertThat(properties.retry().maxAttempts()).isEqualTo(5);
                    assertThat(properties.sendTimeout()).hasSeconds(2);
                    assertThat(properties.declareTopics()).isTrue();
                    assertThat(properties.progress().minInterval()).hasMillis(250);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPublisher {

        final EventPublisher publisher = new EventPublisher() {
            @Override
            public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {}
        };

        @Bean
        EventPublisher ownPublisher() {
            return publisher;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class StreamsApplication {

        @Bean
        StreamsBuilderFactoryBean streamsBuilder() {
            StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG,
                    "test",
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "localhost:9")));
            factory.setAutoStartup(false);
            return factory;
        }
    }
}
