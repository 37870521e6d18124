package io.itinera.events.kafka;

/**
 * A step of the pipeline that a worker performs, as its timer and logs name it.
 *
 * @param name the {@code stage} tag of {@value StageHandler#TIMER}
 * @param keyName the logging-context key under which the record key (trip or proposal id) appears
 */
public record Stage(String name, String keyName) {

    public static final Stage ENRICHMENT = new Stage("enrichment", "tripId");
    public static final Stage GENERATION = new Stage("generation", "tripId");
    public static final Stage PROPOSAL = new Stage("proposal", "proposalId");
}
