package io.itinera.gateway.system;

import io.itinera.events.kafka.DeadLetters;
import io.itinera.gateway.saga.ProposalStageDeadlines;
import io.itinera.gateway.saga.SagaMetrics;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.saga.StageDeadlines;
import io.itinera.gateway.saga.TripIndex;
import io.itinera.gateway.saga.TripRetention;
import io.itinera.gateway.saga.UpdateWatchers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Kafka Streams for the trip saga: exactly-once processing, and no single record stops it. A record that cannot be
 * read, that breaks the fold, or whose output cannot be written goes to {@code <topic>-dlt} (counted) and the saga
 * continues; a stream thread that dies anyway is replaced rather than shutting the client down.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    /**
     * How long a start waits for the topics Streams reads (and retries a failed start): well inside the pod's start-up
     * probe (180 s), which the wait holds up since the management server starts after Streams.
     */
    static final Duration START_WAIT = Duration.ofSeconds(60);

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(properties.buildStreamsProperties());
        KafkaTemplate<byte[], byte[]> template = deadLetterTemplate(properties);
        DeadLetterPublishingRecoverer unreadable = new DeadLetterPublishingRecoverer(template);
        config.putAll(SagaTopology.processingConfig((record, exception) -> {
            DeadLetters.count(meters, record.topic());
            unreadable.accept(record, exception);
        }));
        config.put(StreamsDeadLetters.CONFIG, new StreamsDeadLetters(template, meters));
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class);
        return new KafkaStreamsConfiguration(config);
    }

    /** A failed stream thread is replaced, a client that only a new one cures too (see {@link StreamsStartup#handle}). */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads(ObjectProvider<StreamsStartup> startup) {
        return factory -> factory.setStreamsUncaughtExceptionHandler(
                exception -> startup.getObject().handle(exception));
    }

    /** Starts Kafka Streams once its topics are there, and again after a start-up fault (see {@link StreamsStartup}). */
    @Bean
    StreamsStartup streamsStartup(StreamsBuilderFactoryBean streams, KafkaAdmin admin) {
        return new StreamsStartup(streams, admin.getConfigurationProperties(), START_WAIT);
    }

    /** Ends the transactions of saga replicas that left the group without waiting for their timeout. */
    @Bean
    DeadReplicaFencing deadReplicaFencing(
            StreamsBuilderFactoryBean streams,
            KafkaAdmin admin,
            KafkaProperties properties,
            SagaFencingProperties settings,
            MeterRegistry meters) {
        String applicationId =
                String.valueOf(properties.buildStreamsProperties().get(StreamsConfig.APPLICATION_ID_CONFIG));
        ReplicaIds ids = new ReplicaIds(applicationId);
        return new DeadReplicaFencing(
                admin.getConfigurationProperties(),
                properties.buildProducerProperties(),
                applicationId,
                () -> Optional.ofNullable(streams.getKafkaStreams())
                        .flatMap(client -> client.metadataForLocalThreads().stream()
                                .map(ThreadMetadata::threadName)
                                .map(ids::ofThread)
                                .flatMap(Optional::stream)
                                .findFirst()),
                settings,
                meters);
    }

    private static KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        Map<String, Object> producer = new HashMap<>(properties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    }

    @Bean
    SagaTopology sagas(
            StreamsBuilder builder,
            Clock clock,
            SagaMetrics metrics,
            StageDeadlines deadlines,
            ProposalStageDeadlines proposalDeadlines,
            TripRetention retention,
            TripIndex trips,
            UpdateWatchers proposalFollowers) {
        return SagaTopology.build(
                builder, clock, metrics, deadlines, proposalDeadlines, retention, trips, proposalFollowers);
    }

    /** Who follows which proposal's live events: told by the proposals' read model after each change. */
    @Bean
    UpdateWatchers proposalFollowers() {
        return new UpdateWatchers();
    }

    /** The first time Streams runs, the trip index is rebuilt from one scan of the trips' store, off the stream thread. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer rebuildTripIndexWhenRunning(TripIndex trips) {
        return factory -> {
            AtomicBoolean rebuilt = new AtomicBoolean();
            factory.setStateListener((newState, oldState) -> {
                KafkaStreams streams = factory.getKafkaStreams();
                if (newState == KafkaStreams.State.RUNNING && streams != null && rebuilt.compareAndSet(false, true)) {
                    CompletableFuture.runAsync(() -> trips.rebuild(streams.store(StoreQueryParameters.fromNameAndType(
                                    SagaTopology.TRIPS_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()))))
                            .whenComplete((done, failure) -> {
                                if (failure != null) {
                                    rebuilt.set(false);
                                    log.error(
                                            "could not rebuild the trip index; retrying when Streams runs again",
                                            failure);
                                } else {
                                    log.info("trip index rebuilt: {} open trips", trips.openTrips());
                                }
                            });
                }
            });
        };
    }
}
