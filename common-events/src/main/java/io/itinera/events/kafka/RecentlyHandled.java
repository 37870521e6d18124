package io.itinera.events.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The keys whose requests this worker handled lately, per stage, so that a request the saga sent again (because the
 * answer was slow, not lost) costs no second run and no second completion. Only what the worker's transaction committed
 * is remembered, and only the latest {@code capacity} keys per worker: a request sent again long after, or to a worker
 * that has not seen the first (the partition moved meanwhile), is handled again, which the saga tolerates.
 */
final class RecentlyHandled {

    /** Minutes of requests at the rates the suite sustains; about 100 bytes a key. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final Map<String, Boolean> keys;

    RecentlyHandled(int capacity) {
        this.keys = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(Stage stage, String key) {
        return keys.containsKey(entry(stage, key));
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
        keys.put(entry(stage, key), Boolean.TRUE);
    }

    private static String entry(Stage stage, String key) {
        return stage.name() + '/' + key;
    }
}
