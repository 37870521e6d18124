package io.itinera.gateway.saga;

import io.itinera.events.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a lifecycle's stages may take, when an unanswered request is sent again, and what becomes of a snapshot
 * whose stage ran out of time. The saga keeps the next time to look at every open snapshot in a small store of its own
 * and checks it on the wall clock, so that a stage whose request was lost is asked again and a stage whose worker never
 * answers still ends.
 */
interface Deadlines<S, V> {

    /** The name of the store of open snapshots' next looks. */
    String storeName();

    /** How often the saga looks for snapshots that are due. */
    Duration scanInterval();

    /**
     * When to look at a snapshot that has just entered its stage: when its request is due to be sent again if the
     * worker has not answered by then, or else its deadline; empty once it is finished.
     */
    Optional<Instant> firstLook(S snapshot);

    /**
     * When to look again, having looked at {@code now}; empty when the stage's deadline has passed, and the snapshot
     * is to {@link #expire}.
     */
    Optional<Instant> nextLook(S snapshot, Instant now);

    /**
     * The request that started the snapshot's stage, to send again at a look before its deadline; empty when its
     * worker has already answered, the stage has no such request, or sending again is switched off.
     */
    Optional<Outgoing<? extends Event>> resend(S snapshot);

    /** Told after a snapshot's request was sent again, for metrics. */
    void resent(S snapshot);

    /** Whether two versions of a snapshot are in the same stage: progress within a stage does not move its looks. */
    boolean sameStage(S before, S after);

    /** The snapshot after its stage ran out of time; {@link SagaStep#unchanged()} if it has finished meanwhile. */
    SagaStep<S, V> expire(S snapshot);
}
