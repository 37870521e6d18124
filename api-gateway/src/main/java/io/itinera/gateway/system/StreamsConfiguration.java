package io.itinera.gateway.system;

import io.itinera.gateway.saga.SagaMetrics;
import io.itinera.gateway.saga.SagaTopology;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Kafka Streams for the trip saga: exactly-once processing, and records that cannot be read go to
 * {@code <topic>-dlt} instead of stopping the saga.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildStreamsProperties());
        config.putAll(SagaTopology.processingConfig(new DeadLetterPublishingRecoverer(deadLetterTemplate(properties))));
        return new KafkaStreamsConfiguration(config);
    }

    private static KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties properties) {
        Map<String, Object> producer = new HashMap<>(properties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
    }

    @Bean
    SagaTopology sagas(StreamsBuilder builder, Clock clock, SagaMetrics metrics) {
        return SagaTopology.build(builder, clock, metrics);
    }
}
