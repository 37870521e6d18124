package io.itinera.events;

import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlacesFetched;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.events.trip.TripCommand;
import io.itinera.events.trip.TripSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The topic table: every topic of the suite, the record it holds, its writer, its reader and its shape, in one place.
 * Serdes, the sagas' routing, each service's topic declarations and the deploy manifests' checks all derive from it.
 * Every record is keyed by the trip (or proposal) id so that all events of one trip stay ordered in one partition;
 * the places cache alone is keyed by destination.
 * The names alone, as compile-time constants for annotations, are in {@link TopicNames}.
 */
public final class Topics {

    /** Every topic has this many partitions so that the gateway's saga can join them (co-partitioning). */
    public static final int PARTITIONS = 3;

    /** Suffix Spring Kafka's dead-letter recoverer appends by default. */
    public static final String DLT_SUFFIX = "-dlt";

    public static final String GATEWAY = "api-gateway";
    public static final String ENRICHMENT = "api-enrichment";
    public static final String GENERATION = "api-generation";

    /** Commands from the gateway's HTTP layer to its own trip saga (submit, cancel). */
    public static final TopicSpec<TripCommand> TRIP_COMMANDS =
            TopicSpec.events(TopicNames.TRIP_COMMANDS, TripCommand.class, GATEWAY, GATEWAY);

    /** Compacted: the latest snapshot of every trip, materialised by every gateway replica. */
    public static final TopicSpec<TripSnapshot> TRIP_STATE =
            TopicSpec.compacted(TopicNames.TRIP_STATE, TripSnapshot.class, GATEWAY);

    public static final TopicSpec<EnrichmentRequested> ENRICHMENT_REQUEST =
            TopicSpec.events(TopicNames.ENRICHMENT_REQUEST, EnrichmentRequested.class, GATEWAY, ENRICHMENT);
    public static final TopicSpec<EnrichmentProgress> ENRICHMENT_PROGRESS =
            TopicSpec.events(TopicNames.ENRICHMENT_PROGRESS, EnrichmentProgress.class, ENRICHMENT, GATEWAY);
    public static final TopicSpec<EnrichmentCompleted> ENRICHMENT_COMPLETED =
            TopicSpec.events(TopicNames.ENRICHMENT_COMPLETED, EnrichmentCompleted.class, ENRICHMENT, GATEWAY);

    /**
     * Compacted, keyed by destination id: the places a live provider gave, read back by every api-enrichment replica as
     * its shared cache (so a city is fetched once per refresh for all replicas, and survives restarts and outages).
     */
    public static final TopicSpec<PlacesFetched> ENRICHMENT_PLACES =
            TopicSpec.cache(TopicNames.ENRICHMENT_PLACES, PlacesFetched.class, ENRICHMENT);

    public static final TopicSpec<GenerationRequested> GENERATION_REQUEST =
            TopicSpec.events(TopicNames.GENERATION_REQUEST, GenerationRequested.class, GATEWAY, GENERATION);
    public static final TopicSpec<GenerationProgress> GENERATION_PROGRESS =
            TopicSpec.events(TopicNames.GENERATION_PROGRESS, GenerationProgress.class, GENERATION, GATEWAY);
    public static final TopicSpec<GenerationCompleted> GENERATION_COMPLETED =
            TopicSpec.events(TopicNames.GENERATION_COMPLETED, GenerationCompleted.class, GENERATION, GATEWAY);

    /** Commands from the gateway's HTTP layer to its proposal saga. */
    public static final TopicSpec<SubmitProposal> PROPOSAL_COMMANDS =
            TopicSpec.events(TopicNames.PROPOSAL_COMMANDS, SubmitProposal.class, GATEWAY, GATEWAY);

    /** Compacted: the latest snapshot of every proposal request, materialised by every gateway replica. */
    public static final TopicSpec<ProposalSnapshot> PROPOSAL_STATE =
            TopicSpec.compacted(TopicNames.PROPOSAL_STATE, ProposalSnapshot.class, GATEWAY);

    public static final TopicSpec<ProposalRequested> PROPOSAL_REQUEST =
            TopicSpec.events(TopicNames.PROPOSAL_REQUEST, ProposalRequested.class, GATEWAY, GENERATION);
    public static final TopicSpec<ProposalProgress> PROPOSAL_PROGRESS =
            TopicSpec.events(TopicNames.PROPOSAL_PROGRESS, ProposalProgress.class, GENERATION, GATEWAY);
    public static final TopicSpec<ProposalCompleted> PROPOSAL_COMPLETED =
            TopicSpec.events(TopicNames.PROPOSAL_COMPLETED, ProposalCompleted.class, GENERATION, GATEWAY);

    private static final List<TopicSpec<?>> ALL = Stream.of(
                    TRIP_COMMANDS,
                    TRIP_STATE,
                    PROPOSAL_COMMANDS,
                    PROPOSAL_STATE,
                    ENRICHMENT_REQUEST,
                    ENRICHMENT_PROGRESS,
                    ENRICHMENT_COMPLETED,
                    ENRICHMENT_PLACES,
                    GENERATION_REQUEST,
                    GENERATION_PROGRESS,
                    GENERATION_COMPLETED,
                    PROPOSAL_REQUEST,
                    PROPOSAL_PROGRESS,
                    PROPOSAL_COMPLETED)
            .<TopicSpec<?>>mapMulti((spec, all) -> {
                all.accept(spec);
                spec.deadLetter().ifPresent(all);
            })
            .toList();

    private Topics() {}

    /** The dead-letter topic of a topic consumed by a listener. */
    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }

    /** Every topic of the suite, dead-letter topics included. */
    public static List<TopicSpec<?>> all() {
        return ALL;
    }

    /**
     * The topics one service writes. A dead-letter topic belongs to the service that consumes its source topic, since
     * that service's recoverer writes it.
     */
    public static List<TopicSpec<?>> ownedBy(String service) {
        return ALL.stream().filter(t -> t.owner().equals(service)).toList();
    }

    /** The topics one service declares at start-up: those it writes and those it reads, so it starts in any order. */
    public static List<TopicSpec<?>> usedBy(String service) {
        return ALL.stream().filter(t -> t.usedBy(service)).toList();
    }

    public static Optional<TopicSpec<?>> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static TopicSpec<?> spec(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
