package io.itinera.events;

import java.util.List;

/**
 * Topic names are part of the contract, not per-environment configuration. Every record is keyed by the trip (or
 * proposal) id so that all events of one trip stay ordered in one partition.
 */
public final class Topics {

    /** Every topic has this many partitions so that the gateway's saga can join them (co-partitioning). */
    public static final int PARTITIONS = 3;

    public static final String ENRICHMENT_REQUEST = "travel-enrichment.request";
    public static final String ENRICHMENT_PROGRESS = "travel-enrichment.progress";
    public static final String ENRICHMENT_COMPLETED = "travel-enrichment.completed";

    public static final String GENERATION_REQUEST = "travel-generation.request";
    public static final String GENERATION_PROGRESS = "travel-generation.progress";
    public static final String GENERATION_COMPLETED = "travel-generation.completed";

    public static final String PROPOSAL_REQUEST = "travel-proposal.request";
    public static final String PROPOSAL_PROGRESS = "travel-proposal.progress";
    public static final String PROPOSAL_COMPLETED = "travel-proposal.completed";

    /** Commands from the gateway's HTTP layer to its own saga (submit, later cancel). */
    public static final String TRIP_COMMANDS = "travel-trips.commands";

    /** Compacted: the latest snapshot of every trip, materialised by every gateway replica. */
    public static final String TRIP_STATE = "travel-trips.state";

    /** Commands from the gateway's HTTP layer to its proposal saga. */
    public static final String PROPOSAL_COMMANDS = "travel-proposals.commands";

    /** Compacted: the latest snapshot of every proposal request, materialised by every gateway replica. */
    public static final String PROPOSAL_STATE = "travel-proposals.state";

    /** Suffix Spring Kafka's dead-letter recoverer appends by default. */
    public static final String DLT_SUFFIX = "-dlt";

    private Topics() {}

    /** The dead-letter topic of a topic consumed by a listener. */
    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }

    /** Every topic of the suite with its shape, in one place for services, tests and the deploy manifests. */
    public static List<TopicSpec> all() {
        return List.of(
                TopicSpec.events(TRIP_COMMANDS, "api-gateway"),
                TopicSpec.compacted(TRIP_STATE, "api-gateway"),
                TopicSpec.events(PROPOSAL_COMMANDS, "api-gateway"),
                TopicSpec.compacted(PROPOSAL_STATE, "api-gateway"),
                TopicSpec.events(ENRICHMENT_REQUEST, "api-gateway"),
                TopicSpec.events(ENRICHMENT_PROGRESS, "api-enrichment"),
                TopicSpec.events(ENRICHMENT_COMPLETED, "api-enrichment"),
                TopicSpec.events(GENERATION_REQUEST, "api-gateway"),
                TopicSpec.events(GENERATION_PROGRESS, "api-generation"),
                TopicSpec.events(GENERATION_COMPLETED, "api-generation"),
                TopicSpec.events(PROPOSAL_REQUEST, "api-gateway"),
                TopicSpec.events(PROPOSAL_PROGRESS, "api-generation"),
                TopicSpec.events(PROPOSAL_COMPLETED, "api-generation"),
                TopicSpec.deadLetter(TRIP_COMMANDS, "api-gateway"),
                TopicSpec.deadLetter(ENRICHMENT_PROGRESS, "api-gateway"),
                TopicSpec.deadLetter(ENRICHMENT_COMPLETED, "api-gateway"),
                TopicSpec.deadLetter(GENERATION_PROGRESS, "api-gateway"),
                TopicSpec.deadLetter(GENERATION_COMPLETED, "api-gateway"),
                TopicSpec.deadLetter(PROPOSAL_COMMANDS, "api-gateway"),
                TopicSpec.deadLetter(PROPOSAL_PROGRESS, "api-gateway"),
                TopicSpec.deadLetter(PROPOSAL_COMPLETED, "api-gateway"),
                TopicSpec.deadLetter(ENRICHMENT_REQUEST, "api-enrichment"),
                TopicSpec.deadLetter(GENERATION_REQUEST, "api-generation"),
                TopicSpec.deadLetter(PROPOSAL_REQUEST, "api-generation"));
    }

    /**
     * The topics one service writes (it declares them; others may read them). A dead-letter topic belongs to the
     * service that consumes its source topic, since that service's recoverer writes it.
     */
    public static List<TopicSpec> ownedBy(String service) {
        return all().stream().filter(t -> t.owner().equals(service)).toList();
    }

    public static TopicSpec spec(String name) {
        return all().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
