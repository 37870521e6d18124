package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deadlines by status: a snapshot may stay in a status as long as its lifecycle's configuration allows, counted from
 * when it entered the status ({@code updatedAt}: a snapshot enters a status when it is written with it), and then
 * ends {@code FAILED} with the failure {@link #STAGE_TIMEOUT}.
 */
abstract class StatusDeadlines<S, V> implements Deadlines<S, V> {

    /** The failure code a client reads as {@code /problems/stage-timeout}. */
    static final String STAGE_TIMEOUT = "stage-timeout";

    private final String storeName;
    private final Duration scanInterval;
    private final Function<TripStatus, Optional<Duration>> allowed;
    private final Clock clock;

    StatusDeadlines(
            String storeName, Duration scanInterval, Function<TripStatus, Optional<Duration>> allowed, Clock clock) {
        this.storeName = storeName;
        this.scanInterval = scanInterval;
        this.allowed = allowed;
        this.clock = clock;
    }

    abstract TripStatus status(S snapshot);

    abstract Instant updatedAt(S snapshot);

    /** The snapshot ended {@code FAILED} at {@code now}, having stayed in its status longer than {@code allowed}. */
    abstract SagaStep<S, V> timedOut(S snapshot, Duration allowed, Instant now);

    @Override
    public final String storeName() {
        return storeName;
    }

    @Override
    public final Duration scanInterval() {
        return scanInterval;
    }

    @Override
    public final Optional<Instant> deadline(S snapshot) {
        return allowed.apply(status(snapshot)).map(limit -> updatedAt(snapshot).plus(limit));
    }

    @Override
    public final boolean sameStage(S before, S after) {
        return status(before) == status(after);
    }

    @Override
    public final SagaStep<S, V> expire(S snapshot) {
        return allowed.apply(status(snapshot))
                .map(limit -> timedOut(snapshot, limit, clock.instant()))
                .orElseGet(SagaStep::unchanged);
    }
}
