package io.itinera.generation.request;

import io.itinera.events.TopicNames;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.kafka.Rehearsal;
import io.itinera.generation.planning.ProgressListener;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Rehearses a few plans, from the request's bytes to the completion's, before the listeners poll (issue 11). A replica
 * that comes back mid-burst is handed partitions back the moment its consumers join; in a cold JVM its first batch
 * (reading 20 KB requests, planning in interpreted code) held such a partition for 14 s at load 16 (chaos
 * kill-generation, session 12), while the replica that had kept it was planning at full speed. The trips are made up
 * ({@link WarmUpTrips}); nothing is published.
 */
@Component
class GenerationWarmUp extends Rehearsal {

    private static final ProgressListener NO_PROGRESS = (day, number, total) -> {};

    private final ItineraryGenerator generator;
    private final WarmUpProperties properties;

    GenerationWarmUp(ItineraryGenerator generator, WarmUpProperties properties) {
        super("plans");
        this.generator = generator;
        this.properties = properties;
    }

    /** Plans the configured number of made-up trips; returns how many came out as itineraries. */
    @Override
    protected int rehearse() {
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        int planned = 0;
        for (int i = 0; i < properties.trips(); i++) {
            GenerationRequested requested =
                    asReceived(TopicNames.GENERATION_REQUEST, WarmUpTrips.trip(i, firstDay), GenerationRequested.class);
            GenerationCompleted completed = generator.generate(requested, NO_PROGRESS);
            writeOut(TopicNames.GENERATION_COMPLETED, completed);
            if (completed.failure() == null) {
                planned++;
            }
        }
        return planned;
    }
}
