package io.itinera.generation.request;

import io.itinera.events.TopicNames;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.kafka.StartupStep;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import io.itinera.generation.planning.ProgressListener;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Rehearses a few plans, from the request's bytes to the completion's, before the listeners poll (issue 11). A replica
 * that comes back mid-burst is handed partitions back the moment its consumers join; in a cold JVM its first batch
 * (reading 20 KB requests, planning in interpreted code) held such a partition for 14 s at load 16 (chaos
 * kill-generation, session 12), while the replica that had kept it was planning at full speed. The trips are made up
 * ({@link WarmUpTrips}); nothing is published.
 */
@Component
class GenerationWarmUp extends StartupStep {

    /** Before the listener containers start, and before their transactional producers open. */
    static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 2;

    private static final Logger log = LoggerFactory.getLogger(GenerationWarmUp.class);
    private static final ProgressListener NO_PROGRESS = (day, number, total) -> {};

    private final ItineraryGenerator generator;
    private final WarmUpProperties properties;

    GenerationWarmUp(ItineraryGenerator generator, WarmUpProperties properties) {
        super(PHASE);
        this.generator = generator;
        this.properties = properties;
    }

    @Override
    protected void run() {
        long started = System.nanoTime();
        try {
            int planned = rehearse();
            log.info(
                    "Warmed up with {} plans in {} ms, before the listeners poll",
                    planned,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // a rehearsal that fails costs the first batch its speed, never the start
            log.warn("Warm-up planning failed; the listeners start cold: {}", e.toString());
        }
    }

    /** Plans the configured number of made-up trips; returns how many came out as itineraries. */
    int rehearse() {
        EventSerializer<Object> serializer = new EventSerializer<>();
        EventDeserializer<Object> deserializer = new EventDeserializer<>();
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        int planned = 0;
        for (int i = 0; i < properties.trips(); i++) {
            byte[] asSent = serializer.serialize(TopicNames.GENERATION_REQUEST, WarmUpTrips.trip(i, firstDay));
            Object received = deserializer.deserialize(TopicNames.GENERATION_REQUEST, asSent);
            if (!(received instanceof GenerationRequested requested)) {
                throw new IllegalStateException("a warm-up request did not read back: " + received);
            }
            GenerationCompleted completed = generator.generate(requested, NO_PROGRESS);
            serializer.serialize(TopicNames.GENERATION_COMPLETED, completed);
            if (completed.failure() == null) {
                planned++;
            }
        }
        return planned;
    }
}
