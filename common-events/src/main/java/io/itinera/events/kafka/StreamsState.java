package io.itinera.events.kafka;

import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Whether the application's Kafka Streams topology is doing its work: RUNNING, not REBALANCING, so that a replica
 * whose tasks are still being assigned or restored does not report ready (issue 11). A short rebalance of a running
 * group does not take replicas out of rotation: the readiness probe's failure threshold (3 probes, 15 s) rides it
 * out, while a replica that stays unassigned or keeps restoring leaves the rotation.
 */
public class StreamsState implements BooleanSupplier {

    private final StreamsBuilderFactoryBean streams;

    public StreamsState(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public boolean getAsBoolean() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return kafkaStreams != null && kafkaStreams.state() == KafkaStreams.State.RUNNING;
    }
}
