package io.itinera.events.kafka;

import io.itinera.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The Kafka plumbing every Itinera service shares, so that a service keeps only its own listeners and topologies:
 * stamped publishing (progress asynchronously, throttled per stage, outside the workers' transactions), retries then
 * dead letters (picked up by Boot's listener container factory), the service's topics
 * from the topic table, the listener helper, and readiness on the broker and the service's consumers. Every bean backs
 * off when the application defines its own.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(ItineraKafkaProperties.class)
public class ItineraKafkaAutoConfiguration {

    /** The health component name the services' readiness groups include. */
    static final String HEALTH_INDICATOR = "kafkaHealthIndicator";

    static final String TOPICS = "itineraTopics";

    /** The health component name ({@code streamsLiveness}) the liveness group of a Streams service includes. */
    static final String STREAMS_LIVENESS = "streamsLivenessHealthIndicator";

    /** Kafka Streams' lifecycle phase: started before the web server, stopped after it (see {@code streamsShutdown}). */
    static final int STREAMS_PHASE = Integer.MAX_VALUE - 4096;

    /** How long a worker's start waits for its transactional producers (longer only with the broker away). */
    static final Duration FENCING_WAIT = Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    ProgressTemplate itineraProgressTemplate(KafkaTemplate<String, Object> kafkaTemplate) {
        return ProgressTemplate.of(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(
            KafkaTemplate<String, Object> kafkaTemplate,
            ProgressTemplate progress,
            ObjectProvider<MeterRegistry> meters,
            ItineraKafkaProperties properties) {
        return new KafkaEventPublisher(
                kafkaTemplate, progress.operations(), properties.service(), properties.sendTimeout(), registry(meters));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ConsumerFactory.class)
    OriginalRecords itineraOriginalRecords(ConsumerFactory<?, ?> consumers) {
        return new OriginalRecords(consumers.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, Object> kafkaTemplate,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<EventPublisher> publisher,
            ObjectProvider<OriginalRecords> originals,
            ItineraKafkaProperties properties) {
        MeterRegistry registry = registry(meters);
        if (properties.service() == null) {
            return DeadLetters.errorHandler(kafkaTemplate, registry, properties.retry());
        }
        DeadLetters.registerCounters(registry, properties.service());
        return DeadLetters.errorHandler(
                kafkaTemplate,
                registry,
                properties.retry(),
                givenUp(publisher, properties),
                originals.getIfAvailable());
    }

    /** Where a request the worker gives up on is reported FAILED; none without a service name or a publisher. */
    private static @Nullable GivenUpRequests givenUp(
            ObjectProvider<EventPublisher> publisher, ItineraKafkaProperties properties) {
        String service = properties.service();
        if (service == null) {
            return null;
        }
        return publisher.stream()
                .findFirst()
                .map(events -> new GivenUpRequests(events, service))
                .orElse(null);
    }

    @Bean
    @ConditionalOnMissingBean(ConsumerAwareRebalanceListener.class)
    ListenerAssignments listenerAssignments() {
        return new ListenerAssignments();
    }

    /**
     * Listener consumers as static members named after this instance; they leave their group when closed. Their
     * containers stop when their producer is fenced, for {@link FencedListenerRestart} to start them again.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "itinera.kafka.static-membership", matchIfMissing = true)
    static class StaticMembershipConfiguration {

        @Bean
        @ConditionalOnMissingBean(ContainerCustomizer.class)
        ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership(
                ItineraKafkaProperties properties) {
            StaticMembership staticMembership = new StaticMembership(properties.instanceId());
            return container -> {
                staticMembership.configure(container);
                FencedListenerRestart.stopWhenFenced(container);
            };
        }

        @Bean
        DefaultKafkaConsumerFactoryCustomizer leaveGroupOnClose() {
            return StaticMembership::leaveOnClose;
        }
    }

    /** A listener container stopped by a fenced producer is started again (see the static-membership customizer). */
    @Bean
    FencedListenerRestart fencedListenerRestart() {
        return new FencedListenerRestart();
    }

    /** A worker's transactional producers open before its listeners poll, fencing its predecessor's at once. */
    @Bean
    @ConditionalOnMissingBean
    TransactionFencing transactionFencing(
            ObjectProvider<ProducerFactory<?, ?>> producers, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        KafkaListenerEndpointRegistry registry = listeners.getIfUnique();
        return new TransactionFencing(
                producers.getIfUnique(), () -> registry == null ? 0 : listenerThreads(registry), FENCING_WAIT);
    }

    /** Each listener container's threads: its concurrency. */
    static int listenerThreads(KafkaListenerEndpointRegistry registry) {
        return registry.getListenerContainers().stream()
                .mapToInt(container -> container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                        ? concurrent.getConcurrency()
                        : 1)
                .sum();
    }

    @Bean
    @ConditionalOnMissingBean
    StageHandler stageHandler(
            KafkaTemplate<String, Object> kafkaTemplate,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<EventPublisher> publisher,
            ObjectProvider<OriginalRecords> originals,
            ItineraKafkaProperties properties) {
        MeterRegistry registry = registry(meters);
        RecordFailures failures = DeadLetters.recordFailures(
                kafkaTemplate,
                registry,
                properties.retry(),
                givenUp(publisher, properties),
                originals.getIfAvailable());
        return new StageHandler(registry, properties.progress().minInterval(), System::nanoTime, failures);
    }

    @Bean(name = TOPICS)
    @ConditionalOnMissingBean(name = TOPICS)
    @ConditionalOnBooleanProperty(name = "itinera.kafka.declare-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics itineraTopics(ItineraKafkaProperties properties) {
        return TopicDeclarations.of(Topics.usedBy(properties.service()));
    }

    private static MeterRegistry registry(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /** Ready when the broker answers and the consumers run: the Streams topology if there is one, else listeners. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(KafkaAdmin.class)
    static class ReadinessConfiguration {

        @Bean(name = HEALTH_INDICATOR)
        @ConditionalOnMissingBean(name = HEALTH_INDICATOR)
        KafkaReadinessIndicator kafkaHealthIndicator(
                KafkaAdmin admin,
                ObjectProvider<StreamsState> streams,
                ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                ObjectProvider<ListenerAssignments> assignments) {
            StreamsState streamsState = streams.getIfAvailable();
            if (streamsState != null) {
                return new KafkaReadinessIndicator(admin.getConfigurationProperties(), streamsState, "streams");
            }
            ListenerAssignments assigned = assignments.getIfAvailable();
            return new KafkaReadinessIndicator(
                    admin.getConfigurationProperties(),
                    () -> {
                        List<MessageListenerContainer> containers = listeners.stream()
                                .flatMap(registry -> registry.getListenerContainers().stream())
                                .toList();
                        return allRunning(containers) && (assigned == null || assigned.allAssigned(containers));
                    },
                    "listeners");
        }

        /** Running, and (where the assignments are known) every consumer has its partitions. */
        private static boolean allRunning(Collection<MessageListenerContainer> containers) {
            return !containers.isEmpty() && containers.stream().allMatch(MessageListenerContainer::isRunning);
        }
    }

    /** Transactions left open on the partitions the service reads: counted, reported, aborted where allowed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnBooleanProperty(name = "itinera.kafka.hanging-transactions.enabled", matchIfMissing = true)
    static class HangingTransactionsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        HangingTransactionWatch hangingTransactionWatch(
                KafkaAdmin admin,
                ItineraKafkaProperties properties,
                ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                ObjectProvider<ReadTopics> otherReaders,
                ObjectProvider<MeterRegistry> meters) {
            return new HangingTransactionWatch(
                    admin.getConfigurationProperties(),
                    new ConsumedTopics(listeners, otherReaders),
                    properties.hangingTransactions(),
                    registry(meters),
                    Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaStreams.class)
    @ConditionalOnBean(StreamsBuilderFactoryBean.class)
    static class StreamsStateConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamsState streamsState(StreamsBuilderFactoryBean streams) {
            return new StreamsState(streams);
        }

        /**
         * How Kafka Streams stops: after the web server has drained its requests (Spring Boot stops it in phases
         * {@code MAX_VALUE - 1024}, graceful shutdown, and {@code MAX_VALUE - 2048}; Streams would otherwise stop first,
         * at {@code MAX_VALUE - 1000}, under requests that read its stores), and leaving its group at once, so that
         * another replica takes its tasks over without waiting for the session timeout (Streams stays by default).
         */
        @Bean
        StreamsReadTopics streamsReadTopics(StreamsBuilderFactoryBean streams) {
            return new StreamsReadTopics(streams);
        }

        @Bean
        StreamsBuilderFactoryBeanConfigurer streamsShutdown() {
            return factory -> {
                factory.setPhase(STREAMS_PHASE);
                factory.setLeaveGroupOnClose(true);
            };
        }

        @Bean(name = STREAMS_LIVENESS)
        @ConditionalOnClass(HealthIndicator.class)
        @ConditionalOnMissingBean(name = STREAMS_LIVENESS)
        StreamsLiveness streamsLivenessHealthIndicator(
                StreamsBuilderFactoryBean streams, ItineraKafkaProperties properties) {
            return new StreamsLiveness(streams, properties.streamsLivenessGrace(), Clock.systemUTC());
        }
    }
}
