package io.itinera.events.serde;

import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.ProposalSubmitted;
import io.itinera.events.trip.TripCommand;
import io.itinera.events.trip.TripSnapshot;
import java.util.Map;
import java.util.Optional;

/** Which record each topic holds; a dead-letter topic holds what its source topic holds. */
public final class TopicTypes {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry(Topics.TRIP_COMMANDS, TripCommand.class),
            Map.entry(Topics.TRIP_STATE, TripSnapshot.class),
            Map.entry(Topics.ENRICHMENT_REQUEST, EnrichmentRequested.class),
            Map.entry(Topics.ENRICHMENT_PROGRESS, EnrichmentProgress.class),
            Map.entry(Topics.ENRICHMENT_COMPLETED, EnrichmentCompleted.class),
            Map.entry(Topics.GENERATION_REQUEST, GenerationRequested.class),
            Map.entry(Topics.GENERATION_PROGRESS, GenerationProgress.class),
            Map.entry(Topics.GENERATION_COMPLETED, GenerationCompleted.class),
            Map.entry(Topics.PROPOSAL_REQUEST, ProposalRequested.class),
            Map.entry(Topics.PROPOSAL_PROGRESS, ProposalProgress.class),
            Map.entry(Topics.PROPOSAL_COMPLETED, ProposalCompleted.class),
            Map.entry(Topics.PROPOSAL_COMMANDS, ProposalSubmitted.class),
            Map.entry(Topics.PROPOSAL_STATE, ProposalSnapshot.class));

    private TopicTypes() {}

    public static Optional<Class<?>> of(String topic) {
        String source = topic.endsWith(Topics.DLT_SUFFIX)
                ? topic.substring(0, topic.length() - Topics.DLT_SUFFIX.length())
                : topic;
        return Optional.ofNullable(TYPES.get(source));
    }

    public static Map<String, Class<?>> all() {
        return TYPES;
    }
}
