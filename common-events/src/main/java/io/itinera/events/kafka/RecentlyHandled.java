package io.itinera.events.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When this worker last handled a request of each key, per stage, so that a request the saga sent again because the
 * answer was slow (the first one waited in the queue and was handled after the copy was written) costs no second run
 * and no second completion, while one sent again because the answer was lost (handled well before the copy was
 * written) is handled again. Only what the worker's transaction committed is remembered, and only the latest
 * {@code capacity} keys per worker: a copy that reaches a worker that has not seen the first (the partition moved
 * meanwhile) is handled again, which the saga tolerates.
 */
final class RecentlyHandled {

    /** Minutes of requests at the rates the suite sustains; about 100 bytes a key. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final Map<String, Long> handledAt;
    private final LongSupplier wallClock;

    /** @param wallClock epoch milliseconds, the clock of the records' timestamps */
    RecentlyHandled(int capacity, LongSupplier wallClock) {
        this.wallClock = wallClock;
        this.handledAt = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether a request of the key was handled (and committed) at or after {@code sinceMillis}. */
    synchronized boolean handledSince(Stage stage, String key, long sinceMillis) {
        Long at = handledAt.get(entry(stage, key));
        return at != null && at >= sinceMillis;
    }

    /** Remembers the key once the listener's transaction commits; at once where there is none. */
    void handled(Stage stage, String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(stage, key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(stage, key);
            }
        });
    }

    private synchronized void remember(Stage stage, String key) {
        String entry = entry(stage, key);
        handledAt.remove(entry); // re-inserted, so that the eldest entry is the one handled longest ago
        handledAt.put(entry, wallClock.getAsLong());
    }

    private static String entry(Stage stage, String key) {
        return stage.name() + '/' + key;
    }
}
