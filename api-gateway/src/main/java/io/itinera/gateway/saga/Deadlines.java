package io.itinera.gateway.saga;

import io.itinera.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a lifecycle's stages may take, when an unanswered request is sent again, and what becomes of a snapshot
 * whose stage ran out of time. The saga keeps the deadline of every open snapshot in a small store of its own and
 * checks it on the wall clock, so that a stage whose worker never answers still ends; on the same scan it sends again
 * the requests that are due, so that a stage whose request or answer was lost is asked again.
 */
interface Deadlines<S, V> {

    /** The name of the store of open snapshots' deadlines. */
    String storeName();

    /** How often the saga looks for overdue snapshots and requests due again. */
    Duration scanInterval();

    /** When the snapshot's current stage must be over; empty once it is finished. */
    Optional<Instant> deadline(S snapshot);

    /**
     * When a snapshot that has just entered its stage sends its request again if no answer has come by then; empty
     * when its stage has nothing to send again.
     */
    Optional<Instant> firstResend(S snapshot);

    /** How long after sending its request again the snapshot sends it once more; empty when never. */
    Optional<Duration> resendEvery(S snapshot);

    /**
     * The request whose answer the snapshot's stage waits for, to send again when it is due; empty when the stage
     * waits for none or sending again is switched off.
     */
    Optional<Outgoing<? extends Event>> resend(S snapshot);

    /** Told after a snapshot's request was sent again, for metrics. */
    void resent(S snapshot);

    /** Whether two versions of a snapshot are in the same stage: progress within a stage does not move its deadline. */
    boolean sameStage(S before, S after);

    /** The snapshot after its stage ran out of time; {@link SagaStep#unchanged()} if it has finished meanwhile. */
    SagaStep<S, V> expire(S snapshot);
}
