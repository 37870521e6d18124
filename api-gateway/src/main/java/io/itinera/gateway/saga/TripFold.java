package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.Outcome;
import io.itinera.events.StageProgress;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.RawEnrichmentCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.RawGenerationCompleted;
import io.itinera.events.generation.RawGenerationRequested;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.ContextSummary;
import io.itinera.events.trip.EraseTrip;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a trip's lifecycle: how each event changes the trip's working state, what clients then see of it (the
 * snapshot) and which request it sets in motion. Pure: the same state and event always give the same result, which is
 * what makes replays safe. An event already
 * applied, an event for an unknown trip, and an event that does not fit the trip's status (late, duplicated by an
 * at-least-once worker, or after a terminal status) change nothing; the one exception, an enrichment answer to a trip
 * that is generating, is the answer to the saga asking again and sends the generation request again.
 */
final class TripFold implements Fold<TripWorkingState, TripSnapshot> {

    private static final Set<TripStatus> ENRICHMENT_OPEN = Set.of(TripStatus.PENDING, TripStatus.ENRICHING);

    private final Clock clock;

    TripFold(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SagaStep<TripWorkingState, TripSnapshot> apply(@Nullable TripWorkingState current, Event event) {
        if (current != null
                && current.appliedEventIds().contains(event.eventId().toString())) {
            return SagaStep.unchanged();
        }
        if (event instanceof SubmitTrip submitted) {
            return current == null ? submitted(submitted) : SagaStep.unchanged();
        }
        if (current == null) {
            return SagaStep.unchanged();
        }
        if (event instanceof CancelTrip cancelled) {
            return cancelled(current, cancelled);
        }
        if (event instanceof EraseTrip erase) {
            // only the owner erases, and only a trip that ended: a trip in progress is cancelled first
            return current.clientId().equals(erase.clientId())
                            && current.status().isTerminal()
                    ? SagaStep.erasure()
                    : SagaStep.unchanged();
        }
        if (event instanceof EnrichmentProgress progress && ENRICHMENT_OPEN.contains(current.status())) {
            return step(advance(current, progress, TripStatus.ENRICHING, "enrichment", progress.progress(), null));
        }
        if (event instanceof RawEnrichmentCompleted completed && ENRICHMENT_OPEN.contains(current.status())) {
            return enrichmentCompleted(current, completed);
        }
        if (event instanceof RawEnrichmentCompleted completed && current.status() == TripStatus.GENERATING) {
            return generationAskedAgain(current, completed);
        }
        if (event instanceof GenerationProgress progress && current.status() == TripStatus.GENERATING) {
            return step(advance(current, progress, TripStatus.GENERATING, "generation", progress.progress(), null));
        }
        if (event instanceof RawGenerationCompleted completed && current.status() == TripStatus.GENERATING) {
            return generationCompleted(current, completed);
        }
        return SagaStep.unchanged();
    }

    /**
     * A trip is created when the gateway accepted its command ({@code SubmitTrip.occurredAt}), not when the saga folds
     * it: the time the client was answered, the same on every replay and restore, and what listings sort by.
     */
    private SagaStep<TripWorkingState, TripSnapshot> submitted(SubmitTrip submitted) {
        Instant created = submitted.occurredAt();
        Instant now = clock.instant();
        ProgressEntry accepted =
                new ProgressEntry(1, created, "trip", TripStatus.PENDING, "accepted", 0, "Trip accepted");
        TripWorkingState trip = new TripWorkingState(
                TripSnapshot.SCHEMA_VERSION,
                submitted.tripId(),
                submitted.clientId(),
                1,
                TripStatus.PENDING,
                created,
                now.isBefore(created) ? created : now,
                submitted.request(),
                null,
                null,
                List.of(accepted),
                List.of(submitted.eventId().toString()),
                submitted.eventId().toString());
        return SagaStep.of(
                trip,
                trip.view(),
                Outgoing.to(
                        Topics.ENRICHMENT_REQUEST, EnrichmentRequested.of(submitted.tripId(), submitted.request())));
    }

    /** Only the owner cancels, and only a trip still in progress; the workers' late results then change nothing. */
    private SagaStep<TripWorkingState, TripSnapshot> cancelled(TripWorkingState current, CancelTrip cancelled) {
        if (!current.clientId().equals(cancelled.clientId()) || current.status().isTerminal()) {
            return SagaStep.unchanged();
        }
        return step(advance(
                current,
                cancelled,
                TripStatus.CANCELLED,
                "trip",
                new StageProgress("cancelled", 100, "Trip cancelled by the client"),
                null));
    }

    /** The context goes on to generation as enrichment wrote it; the trip keeps only its summary. */
    private SagaStep<TripWorkingState, TripSnapshot> enrichmentCompleted(
            TripWorkingState current, RawEnrichmentCompleted completed) {
        RawJson<PlanningContext> context = completed.context();
        if (completed.outcome() == Outcome.SUCCEEDED && context != null) {
            TripWorkingState generating = advance(
                            current,
                            completed,
                            TripStatus.GENERATING,
                            "enrichment",
                            new StageProgress("completed", 100, "Planning context ready"),
                            null)
                    .withContext(summaryOf(completed, context));
            return SagaStep.of(
                    generating,
                    generating.view(),
                    Outgoing.to(
                            Topics.GENERATION_REQUEST,
                            RawGenerationRequested.of(current.tripId(), current.request(), context)));
        }
        Failure failure = failureOf(completed.failure(), "enrichment-failed", "Enrichment failed");
        return step(advance(
                current,
                completed,
                TripStatus.FAILED,
                "enrichment",
                new StageProgress("failed", 100, failure.reason()),
                failure));
    }

    /**
     * A second enrichment answer while generating: the saga asked for it because generation had not answered (the
     * deadlines' re-sending), so the generation request goes out again with it, marked as sent again; a worker that
     * handled the first after this one was written drops it. The trip does not change.
     */
    private static SagaStep<TripWorkingState, TripSnapshot> generationAskedAgain(
            TripWorkingState current, RawEnrichmentCompleted completed) {
        RawJson<PlanningContext> context = completed.context();
        if (completed.outcome() != Outcome.SUCCEEDED || context == null) {
            return SagaStep.unchanged();
        }
        return SagaStep.unchanged(Outgoing.to(
                        Topics.GENERATION_REQUEST,
                        RawGenerationRequested.of(current.tripId(), current.request(), context))
                .sentAgain());
    }

    private SagaStep<TripWorkingState, TripSnapshot> generationCompleted(
            TripWorkingState current, RawGenerationCompleted completed) {
        RawJson<Itinerary> itinerary = completed.itinerary();
        if (completed.outcome() == Outcome.SUCCEEDED && itinerary != null) {
            TripWorkingState ready = advance(
                    current,
                    completed,
                    TripStatus.READY,
                    "generation",
                    new StageProgress("completed", 100, "Itinerary ready"),
                    null);
            return SagaStep.of(ready, ready.view(itinerary));
        }
        Failure failure = failureOf(completed.failure(), "generation-failed", "Generation failed");
        return step(advance(
                current,
                completed,
                TripStatus.FAILED,
                "generation",
                new StageProgress("failed", 100, failure.reason()),
                failure));
    }

    /** The next version of a trip: a new status, one more history line, the event remembered. */
    private TripWorkingState advance(
            TripWorkingState current,
            Event event,
            TripStatus status,
            String stage,
            StageProgress progress,
            @Nullable Failure failure) {
        return new TripWorkingState(
                current.schemaVersion(),
                current.tripId(),
                current.clientId(),
                current.version() + 1,
                status,
                current.createdAt(),
                clock.instant(),
                current.request(),
                current.context(),
                failure,
                Histories.append(current.history(), event, stage, status, progress),
                Histories.remember(current.appliedEventIds(), event),
                current.acceptedSubmissionId());
    }

    /** The summary enrichment sent along; an enrichment older than that field sends none, so it is made here. */
    private static RawJson<ContextSummary> summaryOf(
            RawEnrichmentCompleted completed, RawJson<PlanningContext> context) {
        RawJson<ContextSummary> summary = completed.summary();
        return summary != null ? summary : RawJson.of(ContextSummary.of(context.read(PlanningContext.class)));
    }

    private static Failure failureOf(@Nullable Failure failure, String code, String reason) {
        return Objects.requireNonNullElse(failure, new Failure(code, reason));
    }

    /** A change clients see in full: the view carries no itinerary, which only the last change brings. */
    private static SagaStep<TripWorkingState, TripSnapshot> step(TripWorkingState trip) {
        return SagaStep.of(trip, trip.view());
    }
}
