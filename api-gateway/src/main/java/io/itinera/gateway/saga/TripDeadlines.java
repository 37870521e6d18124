package io.itinera.gateway.saga;

import io.itinera.events.Failure;
import io.itinera.events.StageProgress;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The trip saga's deadlines: a trip that stays in one status longer than {@link StageDeadlines} allows ends
 * {@code FAILED} with the failure {@code stage-timeout}, whose reason names the stage.
 */
final class TripDeadlines implements Deadlines<TripWorkingState, TripSnapshot> {

    /** The failure code a client reads as {@code /problems/stage-timeout}. */
    static final String STAGE_TIMEOUT = "stage-timeout";

    static final String STORE = SagaTopology.TRIP_DEADLINES_STORE;

    private final StageDeadlines deadlines;
    private final Clock clock;

    TripDeadlines(StageDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public String storeName() {
        return STORE;
    }

    @Override
    public Duration scanInterval() {
        return deadlines.scanInterval();
    }

    /** A trip enters a status when it is written with it, so {@code updatedAt} is the stage's start. */
    @Override
    public Optional<Instant> deadline(TripWorkingState trip) {
        return deadlines.of(trip.status()).map(allowed -> trip.updatedAt().plus(allowed));
    }

    @Override
    public boolean sameStage(TripWorkingState before, TripWorkingState after) {
        return before.status() == after.status();
    }

    @Override
    public SagaStep<TripWorkingState, TripSnapshot> expire(TripWorkingState trip) {
        Optional<Duration> allowed = deadlines.of(trip.status());
        if (allowed.isEmpty()) {
            return SagaStep.unchanged();
        }
        String stage = trip.status() == TripStatus.GENERATING ? "generation" : "enrichment";
        Failure failure = new Failure(
                STAGE_TIMEOUT,
                "The trip stayed %s for longer than %s: the %s stage did not finish in time"
                        .formatted(trip.status(), allowed.get(), stage));
        Instant now = clock.instant();
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
