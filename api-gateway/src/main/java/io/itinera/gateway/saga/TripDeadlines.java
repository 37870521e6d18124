package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.Failure;
import io.itinera.events.StageProgress;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The trip saga's deadlines: a trip that stays in one status longer than {@link StageDeadlines} allows ends
 * {@code FAILED} with the failure {@code stage-timeout}, whose reason names the stage. Until then an unanswered trip's
 * enrichment request is sent again (made from the trip's request, which is all it holds), also while it is
 * {@code GENERATING}: see {@link #request}.
 */
final class TripDeadlines extends StatusDeadlines<TripWorkingState, TripSnapshot> {

    TripDeadlines(StageDeadlines deadlines, Runnable onResend, Clock clock) {
        super(
                SagaTopology.TRIP_DEADLINES_STORE,
                deadlines.scanInterval(),
                deadlines::of,
                deadlines::resendAfterIn,
                onResend,
                clock);
    }

    @Override
    TripStatus status(TripWorkingState trip) {
        return trip.status();
    }

    @Override
    Instant updatedAt(TripWorkingState trip) {
        return trip.updatedAt();
    }

    /**
     * Also for a {@code GENERATING} trip: the generation request carries the planning context, which the saga does not
     * keep, so it is asked of enrichment again, and its answer sends the generation request again (TripFold).
     */
    @Override
    Outgoing<? extends Event> request(TripWorkingState trip) {
        return Outgoing.to(Topics.ENRICHMENT_REQUEST, EnrichmentRequested.of(trip.tripId(), trip.request()));
    }

    @Override
    SagaStep<TripWorkingState, TripSnapshot> timedOut(TripWorkingState trip, Duration allowed, Instant now) {
        String stage = trip.status() == TripStatus.GENERATING ? "generation" : "enrichment";
        Failure failure = new Failure(
                STAGE_TIMEOUT,
                "The trip stayed %s for longer than %s: the %s stage did not finish in time"
                        .formatted(trip.status(), allowed, stage));
        TripWorkingState failed = new TripWorkingState(
                trip.schemaVersion(),
                trip.tripId(),
                trip.clientId(),
                trip.version() + 1,
                TripStatus.FAILED,
                trip.createdAt(),
                now,
                trip.request(),
                trip.context(),
                failure,
                Histories.append(
                        trip.history(),
                        now,
                        stage,
                        TripStatus.FAILED,
                        new StageProgress("timed-out", 100, failure.reason())),
                trip.appliedEventIds(),
                trip.acceptedSubmissionId());
        return SagaStep.of(failed, failed.view());
    }
}
