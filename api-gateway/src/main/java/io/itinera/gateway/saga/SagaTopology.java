package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.RawEnrichmentCompleted;
import io.itinera.events.generation.RawGenerationCompleted;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.serde.EventSerializer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * The gateway's Kafka Streams graph: two sagas and their read models.
 *
 * <p>The trip saga reads the gateway's trip commands and the workers' progress and completion events (all keyed by trip
 * id, all co-partitioned), folds them into its own store and writes, in one exactly-once transaction, the new snapshot
 * to {@code travel-trips.state} and the next stage's request. The proposal saga does the same for proposal requests.
 * Every replica materialises both state topics (the trips' as a global store of bytes with an in-memory
 * {@link TripIndex}, the proposals' as a global table), so any replica answers any read.
 */
public final class SagaTopology {

    /** The trip saga's working state, partitioned with its input topics. */
    public static final String TRIP_SAGA_STORE = "trip-saga-store";

    /** The read model: every trip's latest snapshot, on every replica. */
    public static final String TRIPS_STORE = "trips-by-id";

    /** The deadlines of open trips, kept beside the saga so that every trip ends. */
    public static final String TRIP_DEADLINES_STORE = "trip-deadlines";

    /** Finished trips by when their retention ends, kept beside the saga so that every trip is erased in time. */
    public static final String TRIP_RETENTION_STORE = "trip-retention";

    public static final String PROPOSAL_SAGA_STORE = "proposal-saga-store";

    /** The deadlines of open proposals, kept beside the saga so that every proposal ends too. */
    public static final String PROPOSAL_DEADLINES_STORE = "proposal-deadlines";

    public static final String PROPOSALS_STORE = "proposal-snapshots";

    static final List<String> TRIP_INPUTS = names(
            Topics.TRIP_COMMANDS,
            Topics.ENRICHMENT_PROGRESS,
            Topics.ENRICHMENT_COMPLETED,
            Topics.GENERATION_PROGRESS,
            Topics.GENERATION_COMPLETED);

    static final List<String> PROPOSAL_INPUTS =
            names(Topics.PROPOSAL_COMMANDS, Topics.PROPOSAL_PROGRESS, Topics.PROPOSAL_COMPLETED);

    private static final Serde<String> KEYS = Serdes.String();
    /**
     * The sagas' inputs, each read as its topic's record, except the completions whose bulky part the trip saga only
     * forwards (the planning context, the itinerary): those are read in their raw form, the part left as JSON bytes.
     */
    private static final Serde<Event> EVENTS = Serdes.serdeFrom(
            new EventSerializer<>(),
            EventDeserializer.withForms(Map.of(
                    Topics.ENRICHMENT_COMPLETED.name(), RawEnrichmentCompleted.class,
                    Topics.GENERATION_COMPLETED.name(), RawGenerationCompleted.class)));

    /** Writes each outgoing record's value; the topic it goes to is the record's own. */
    private static final Serde<Outgoing<?>> OUTPUTS = Serdes.serdeFrom(
            (topic, outgoing) -> outgoing == null ? null : new EventSerializer<>().serialize(topic, outgoing.value()),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("the sagas never read their outputs back as Outgoing");
            });

    /** Reads the state topic for the read model, which never writes it. */
    private static final Serde<TripState> TRIP_STATES = Serdes.serdeFrom(
            (topic, state) -> {
                throw new UnsupportedOperationException("the read model never writes the state topic");
            },
            new TripStateDeserializer());

    private SagaTopology() {}

    /**
     * Streams settings the sagas rely on: exactly-once processing, and a record that cannot be read handed to the
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

    /**
     * Builds both sagas and read models; the entry point for Spring and for tests.
     *
     * @return a handle on what was built, so that Spring registers it as a bean
     */
    public static SagaTopology build(StreamsBuilder builder, Clock clock, SagaMetrics metrics) {
        return build(
                builder,
                clock,
                metrics,
                StageDeadlines.defaults(),
                ProposalStageDeadlines.defaults(),
                TripRetention.defaults(),
                new TripIndex(clock),
                new UpdateWatchers());
    }

    /**
     * Builds both sagas and read models, each saga with its stage deadlines, the trip saga with its retention, the
     * trips' read model feeding {@code trips} and the proposals' telling {@code proposalFollowers}.
     *
     * @return a handle on what was built, so that Spring registers it as a bean
     */
    public static SagaTopology build(
            StreamsBuilder builder,
            Clock clock,
            SagaMetrics metrics,
            StageDeadlines deadlines,
            ProposalStageDeadlines proposalDeadlines,
            TripRetention retention,
            TripIndex trips,
            UpdateWatchers proposalFollowers) {
        saga(
                builder,
                new SagaDefinition<>(
                        "trip",
                        TRIP_INPUTS,
                        TRIP_SAGA_STORE,
                        TripWorkingState.class,
                        Topics.TRIP_STATE,
                        new TripFold(clock),
                        metrics::transition,
                        TripWorkingState::describe,
                        new TripDeadlines(deadlines, () -> metrics.requestResent("trip"), clock),
                        metrics.openTrips(),
                        new Retention<TripWorkingState>(
                                TRIP_RETENTION_STORE,
                                retention.retention(),
                                retention.retentionScanInterval(),
                                trip -> trip.status().isTerminal() ? Optional.of(trip.updatedAt()) : Optional.empty()),
                        metrics::tripErased));
        tripReadModel(builder, trips);
        saga(
                builder,
                new SagaDefinition<>(
                        "proposal",
                        PROPOSAL_INPUTS,
                        PROPOSAL_SAGA_STORE,
                        ProposalSnapshot.class,
                        Topics.PROPOSAL_STATE,
                        new ProposalFold(clock),
                        metrics::proposalTransition,
                        (proposal, headers) -> EventHeaders.describeState(
                                headers, proposal.status().name(), proposal.clientId(), proposal.createdAt(), null),
                        new ProposalDeadlines(proposalDeadlines, () -> metrics.requestResent("proposal"), clock),
                        metrics.openProposals(),
                        null,
                        erasure -> {}));
        proposalReadModel(builder, proposalFollowers);
        return new SagaTopology();
    }

    private static <S, V> void saga(StreamsBuilder builder, SagaDefinition<S, V> saga) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(saga.storeName()), KEYS, EventSerde.of(saga.stateType())));
        List<String> stores = new ArrayList<>(List.of(saga.storeName()));
        Deadlines<S, V> deadlines = saga.deadlines();
        if (deadlines != null) {
            // Open states only (id -> deadline, epoch ms): the wall-clock scan never walks finished ones.
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(deadlines.storeName()), KEYS, Serdes.Long()));
            stores.add(deadlines.storeName());
        }
        Retention<S> retention = saga.retention();
        if (retention != null) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(retention.storeName()), KEYS, Serdes.String()));
            stores.add(retention.storeName());
        }
        KStream<String, Outgoing<?>> outputs = builder.stream(
                        saga.inputs(), Consumed.with(KEYS, EVENTS).withName(saga.name() + "-events"))
                .process(
                        () -> new SagaProcessor<>(saga),
                        Named.as(saga.name() + "-saga"),
                        stores.toArray(String[]::new));
        outputs.to(
                (key, outgoing, context) -> outgoing.topic().name(),
                Produced.with(KEYS, OUTPUTS).withName(saga.name() + "-saga-outputs"));
    }

    /**
     * Every trip's latest snapshot as bytes in {@link #TRIPS_STORE} (read back only when a client asks), and its status
     * in the {@link TripIndex}. A global store fed by our own processor: no deserialise-serialise round per record.
     */
    private static void tripReadModel(StreamsBuilder builder, TripIndex trips) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRIPS_STORE), KEYS, Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.TRIP_STATE.name(),
                Consumed.with(KEYS, TRIP_STATES).withName(TRIPS_STORE + "-source"),
                () -> new TripStateProcessor(TRIPS_STORE, trips));
    }

    /** Every proposal's latest snapshot in {@link #PROPOSALS_STORE}, its followers told after each change. */
    private static void proposalReadModel(StreamsBuilder builder, UpdateWatchers followers) {
        Serde<ProposalSnapshot> snapshots = EventSerde.of(Topics.PROPOSAL_STATE);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROPOSALS_STORE), KEYS, snapshots)
                        .withLoggingDisabled(),
                Topics.PROPOSAL_STATE.name(),
                Consumed.with(KEYS, snapshots).withName(PROPOSALS_STORE + "-source"),
                () -> new ProposalStateProcessor(PROPOSALS_STORE, followers));
    }

    private static List<String> names(TopicSpec<?>... topics) {
        return Stream.of(topics).map(TopicSpec::name).toList();
    }
}
