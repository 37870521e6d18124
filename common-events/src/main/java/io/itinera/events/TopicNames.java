package io.itinera.events;

/**
 * The topic names as compile-time constants, for annotation attributes such as {@code @KafkaListener(topics = ...)}.
 * Everything else about a topic, its record type included, is in the table, {@link Topics}.
 */
public final class TopicNames {

    public static final String ENRICHMENT_REQUEST = "travel-enrichment.request";
    public static final String ENRICHMENT_PROGRESS = "travel-enrichment.progress";
    public static final String ENRICHMENT_COMPLETED = "travel-enrichment.completed";
    public static final String ENRICHMENT_PLACES = "travel-enrichment.places";

    public static final String GENERATION_REQUEST = "travel-generation.request";
    public static final String GENERATION_PROGRESS = "travel-generation.progress";
    public static final String GENERATION_COMPLETED = "travel-generation.completed";

    public static final String PROPOSAL_REQUEST = "travel-proposal.request";
    public static final String PROPOSAL_PROGRESS = "travel-proposal.progress";
    public static final String PROPOSAL_COMPLETED = "travel-proposal.completed";

    public static final String TRIP_COMMANDS = "travel-trips.commands";
    public static final String TRIP_STATE = "travel-trips.state";

    public static final String PROPOSAL_COMMANDS = "travel-proposal.commands";
    public static final String PROPOSAL_STATE = "travel-proposal.state";

    private TopicNames() {}
}
