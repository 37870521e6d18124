package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deadlines by status: a snapshot may stay in a status as long as its lifecycle's configuration allows, counted from
 * when it entered the status ({@code updatedAt}: a snapshot enters a status when it is written with it), and then
 * ends {@code FAILED} with the failure {@link #STAGE_TIMEOUT}. Until then, where the status waits for a worker's answer
 * ({@link #request}), the request is sent again every {@code resendAfter} of that status: a broker that lost the
 * commit marker of a transaction can drop the request or the answer, and nothing else would ever ask again.
 */
abstract class StatusDeadlines<S, V> implements Deadlines<S, V> {

    /** The failure code a client reads as {@code /problems/stage-timeout}. */
    static final String STAGE_TIMEOUT = "stage-timeout";

    private final String storeName;
    private final Duration scanInterval;
    private final Function<TripStatus, Optional<Duration>> allowed;
    private final Function<TripStatus, Optional<Duration>> resendAfter;
    private final Runnable onResend;
    private final Clock clock;

    /**
     * @param resendAfter by status, how long its request waits for an answer before it is sent again; empty or zero:
     *     never
     * @param onResend told of every request sent again
     */
    StatusDeadlines(
            String storeName,
            Duration scanInterval,
            Function<TripStatus, Optional<Duration>> allowed,
            Function<TripStatus, Optional<Duration>> resendAfter,
            Runnable onResend,
            Clock clock) {
        this.storeName = storeName;
        this.scanInterval = scanInterval;
        this.allowed = allowed;
        this.resendAfter = resendAfter;
        this.onResend = onResend;
        this.clock = clock;
    }

    abstract TripStatus status(S snapshot);

    abstract Instant updatedAt(S snapshot);

    /** The snapshot ended {@code FAILED} at {@code now}, having stayed in its status longer than {@code allowed}. */
    abstract SagaStep<S, V> timedOut(S snapshot, Duration allowed, Instant now);

    /**
     * The request whose answer the snapshot waits for, made again from the snapshot; asked only in a status with a
     * {@code resendAfter}.
     */
    abstract Outgoing<? extends Event> request(S snapshot);

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
    public final Optional<Instant> firstResend(S snapshot) {
        return resendEvery(snapshot).map(updatedAt(snapshot)::plus);
    }

    @Override
    public final Optional<Duration> resendEvery(S snapshot) {
        return resendAfter.apply(status(snapshot)).filter(interval -> !interval.isZero() && !interval.isNegative());
    }

    @Override
    public final Optional<Outgoing<? extends Event>> resend(S snapshot) {
        return resendEvery(snapshot).map(every -> request(snapshot));
    }

    @Override
    public final void resent(S snapshot) {
        onResend.run();
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
