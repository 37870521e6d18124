package io.itinera.generation.request;

import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.ProgressThrottle;
import io.itinera.events.kafka.Stage;
import io.itinera.events.kafka.StageHandler;
import io.itinera.generation.planning.ProgressListener;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Plans the itinerary of each requested trip and publishes the outcome; progress (a day planned, the search advancing)
 * only when the planning has run long enough since its start or its last report to be worth a record.
 */
@Component
class GenerationListener {

    static final String STEP_DAY_PLANNED = "day-planned";
    static final String STEP_SEARCHING = "searching";

    private static final Logger log = LoggerFactory.getLogger(GenerationListener.class);

    private final ItineraryGenerator generator;
    private final EventPublisher publisher;
    private final StageHandler stages;

    GenerationListener(ItineraryGenerator generator, EventPublisher publisher, StageHandler stages) {
        this.generator = generator;
        this.publisher = publisher;
        this.stages = stages;
    }

    /** A poll's requests in one Kafka transaction: one commit for all of them, not one per trip (issue 10). */
    @KafkaListener(topics = TopicNames.GENERATION_REQUEST, batch = "true")
    void on(List<ConsumerRecord<String, GenerationRequested>> records) {
        stages.handleEach(records, this::on);
    }

    void on(ConsumerRecord<String, GenerationRequested> record) {
        stages.handle(record, Stage.GENERATION, requested -> {
            log.info(
                    "planning {} days in {}",
                    requested.context().days().size(),
                    requested.request().destination());
            GenerationCompleted completed = generateAndPublish(record, requested);
            log.info(
                    "generation {}{}",
                    completed.outcome(),
                    completed.failure() == null
                            ? ""
                            : ": " + completed.failure().code());
            return completed.outcome();
        });
    }

    private GenerationCompleted generateAndPublish(
            ConsumerRecord<String, GenerationRequested> record, GenerationRequested requested) {
        ProgressThrottle throttle = stages.progressThrottle();
        GenerationCompleted completed = generator.generate(requested, new ProgressListener() {
            @Override
            public void dayPlanned(ItineraryDay day, int dayNumber, int totalDays) {
                if (!throttle.due()) {
                    return;
                }
                publisher.publishProgress(
                        Topics.GENERATION_PROGRESS,
                        GenerationProgress.of(
                                requested.tripId(), STEP_DAY_PLANNED, dayNumber * 100 / totalDays, describe(day)),
                        record.headers());
            }

            @Override
            public void searching(int percent, double bestScore) {
                if (!throttle.due()) {
                    return;
                }
                publisher.publishProgress(
                        Topics.GENERATION_PROGRESS,
                        GenerationProgress.of(
                                requested.tripId(),
                                STEP_SEARCHING,
                                percent,
                                String.format(Locale.ROOT, "Searching: best plan so far scores %.2f", bestScore)),
                        record.headers());
            }
        });
        publisher.publish(Topics.GENERATION_COMPLETED, completed, record.headers());
        return completed;
    }

    private static String describe(ItineraryDay day) {
        int stops = day.stops().size();
        return "Planned %s: %d %s".formatted(day.date(), stops, stops == 1 ? "stop" : "stops");
    }
}
