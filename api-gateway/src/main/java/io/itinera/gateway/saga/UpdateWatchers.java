package io.itinera.gateway.saga;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who waits for news of which id (a trip, a proposal): the read model's processor calls {@link #updated} after each
 * record is in its store, so followers read again only when something changed instead of polling the store
 * (the API's side turns a watch into the signals a reader follows).
 */
public final class UpdateWatchers {

    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();

    /**
     * Calls {@code onUpdate} after every update of {@code id} (on the global stream thread: keep it short) until the
     * returned handle is closed.
     */
    public AutoCloseable watch(String id, Runnable onUpdate) {
        // compute, not computeIfAbsent + add: a watch closing at the same time must not drop the list we add to
        watchers.compute(id, (key, list) -> {
            List<Runnable> watching = list == null ? new CopyOnWriteArrayList<>() : list;
            watching.add(onUpdate);
            return watching;
        });
        return () -> watchers.computeIfPresent(id, (key, list) -> {
            list.remove(onUpdate);
            return list.isEmpty() ? null : list;
        });
    }

    void updated(String id) {
        List<Runnable> waiting = watchers.get(id);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }
}
