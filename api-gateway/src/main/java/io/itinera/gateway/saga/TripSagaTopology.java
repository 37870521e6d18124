package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.Topics;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.serde.EventSerializer;
import io.itinera.events.trip.TripSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * The gateway's Kafka Streams graph. The saga reads the gateway's commands and the workers' progress and completion
 * events (all keyed by trip id, all co-partitioned), folds them into its own store and writes, in one exactly-once
 * transaction, the new snapshot to {@code travel-trips.state} and the next stage's request. Every replica materialises
 * {@code travel-trips.state} as a global table, so any replica answers any read.
 */
public final class TripSagaTopology {

    /** The saga's working state, partitioned with the input topics. */
    public static final String SAGA_STORE = "trip-saga-store";

    /** The read model: every trip's latest snapshot, on every replica. */
    public static final String TRIPS_STORE = "trips-by-id";

    static final List<String> INPUTS = List.of(
            Topics.TRIP_COMMANDS,
            Topics.ENRICHMENT_PROGRESS,
            Topics.ENRICHMENT_COMPLETED,
            Topics.GENERATION_PROGRESS,
            Topics.GENERATION_COMPLETED);

    private TripSagaTopology() {}

    /**
     * Streams settings the saga relies on: exactly-once processing, and a record that cannot be read handed to the
     * recoverer (in production, a dead-letter publisher to {@code <topic>-dlt}) instead of stopping the saga.
     */
    public static Map<String, Object> processingConfig(ConsumerRecordRecoverer unreadableRecords) {
        return Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.EXACTLY_ONCE_V2,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class,
                RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                unreadableRecords);
    }

    /** @return the saga's output stream (snapshots and requests), already routed to its topics */
    static KStream<String, Object> build(StreamsBuilder builder, TripFold fold, SagaMetrics metrics) {
        Serde<String> keys = Serdes.String();
        Serde<TripSnapshot> snapshots = EventSerde.of(TripSnapshot.class);
        Serde<Event> events = Serdes.serdeFrom(new EventSerializer<>(), new EventDeserializer<>());
        Serde<Object> values = Serdes.serdeFrom(new EventSerializer<>(), new EventDeserializer<>());

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SAGA_STORE), keys, snapshots));

        KStream<String, Object> outputs = builder.stream(
                        INPUTS, Consumed.with(keys, events).withName("trip-events"))
                .process(() -> new TripSagaProcessor(fold, metrics), Named.as("trip-saga"), SAGA_STORE);
        outputs.to(
                (key, value, context) -> TripSagaProcessor.topicOf(value),
                Produced.with(keys, values).withName("trip-saga-outputs"));

        builder.globalTable(
                Topics.TRIP_STATE,
                Consumed.with(keys, snapshots).withName("trip-snapshots"),
                Materialized.<String, TripSnapshot, KeyValueStore<Bytes, byte[]>>as(TRIPS_STORE)
                        .withKeySerde(keys)
                        .withValueSerde(snapshots));
        return outputs;
    }

    /** Builds the graph with a fresh fold; the entry point for Spring and for tests. */
    public static KStream<String, Object> build(StreamsBuilder builder, Clock clock, SagaMetrics metrics) {
        return build(builder, new TripFold(clock), metrics);
    }
}
