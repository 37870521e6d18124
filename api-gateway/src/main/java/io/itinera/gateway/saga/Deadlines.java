package io.itinera.gateway.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a lifecycle's stages may take, and what becomes of a snapshot whose stage ran out of time. The saga keeps
 * the deadline of every open snapshot in a small store of its own and checks it on the wall clock, so that a stage
 * whose worker never answers still ends.
 */
interface Deadlines<S, V> {

    /** The name of the store of open snapshots' deadlines. */
    String storeName();

    /** How often the saga looks for overdue snapshots. */
    Duration scanInterval();

    /** When the snapshot's current stage must be over; empty once it is finished. */
    Optional<Instant> deadline(S snapshot);

    /** Whether two versions of a snapshot are in the same stage: progress within a stage does not move its deadline. */
    boolean sameStage(S before, S after);

    /** The snapshot after its stage ran out of time; {@link SagaStep#unchanged()} if it has finished meanwhile. */
    SagaStep<S, V> expire(S snapshot);
}
