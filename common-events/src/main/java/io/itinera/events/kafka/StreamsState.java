package io.itinera.events.kafka;

import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Whether the application's Kafka Streams topology is doing its work. Rebalancing counts as running: it is normal life
 * for a group of replicas, whose state stays queryable meanwhile, so a rebalance must not take every replica out of
 * rotation.
 */
public class StreamsState implements BooleanSupplier {

    private final StreamsBuilderFactoryBean streams;

    public StreamsState(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public boolean getAsBoolean() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return kafkaStreams != null
                && (kafkaStreams.state() == KafkaStreams.State.RUNNING
                        || kafkaStreams.state() == KafkaStreams.State.REBALANCING);
    }
}
