package io.itinera.gateway.saga;

import io.itinera.events.serde.EventJson;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What this replica knows about every trip without reading the store, kept in memory as {@code travel-trips.state} is
 * read: the ids of the trips still open (cluster-wide, since every replica reads every trip), an exponentially weighted
 * rate of trips reaching a terminal status, and who waits for news of a trip. Fed by {@link TripStateProcessor} on the
 * global stream thread, rebuilt by one scan of the store when Streams starts, read by the HTTP layer.
 */
@Component
public class TripIndex {

    /** How far back the rate of finished trips looks (its time constant). */
    static final Duration RATE_WINDOW = Duration.ofSeconds(30);

    private final Clock clock;
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final DecayingRate finished;
    private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> everyUpdate = new CopyOnWriteArrayList<>();
    /** Ids updated while a rebuild scans the store: the scan's older view of them must not win. */
    private volatile @Nullable Set<String> touchedDuringRebuild;

    @Autowired
    public TripIndex(Clock clock) {
        this(clock, RATE_WINDOW);
    }

    TripIndex(Clock clock, Duration rateWindow) {
        this.clock = clock;
        this.finished = new DecayingRate(rateWindow);
    }

    /** Trips not yet READY, FAILED or CANCELLED, across the cluster. */
    public int openTrips() {
        return open.size();
    }

    /** The ids of the open trips, a copy (for diagnostics and tests: the count is {@link #openTrips()}). */
    public Set<String> openTripIds() {
        return Set.copyOf(open);
    }

    /** Trips reaching a terminal status per second, exponentially weighted over {@link #RATE_WINDOW}. */
    public double finishedPerSecond() {
        return finished.perSecond(clock.millis());
    }

    /**
     * Calls {@code onUpdate} after every update of one trip (on the global stream thread: keep it short) until the
     * returned handle is closed.
     */
    public AutoCloseable watch(String tripId, Runnable onUpdate) {
        // compute, not computeIfAbsent + add: a watch closing at the same time must not drop the list we add to
        watchers.compute(tripId, (id, list) -> {
            List<Runnable> watching = list == null ? new CopyOnWriteArrayList<>() : list;
            watching.add(onUpdate);
            return watching;
        });
        return () -> watchers.computeIfPresent(tripId, (id, list) -> {
            list.remove(onUpdate);
            return list.isEmpty() ? null : list;
        });
    }

    /** Calls {@code onUpdate} with the id of every trip updated, for as long as this replica runs. */
    public void onEveryUpdate(Consumer<String> onUpdate) {
        everyUpdate.add(onUpdate);
    }

    /**
     * One record of the state topic, after it is in the store.
     *
     * @param status the trip's status, {@code null} for a tombstone
     * @param timestamp the record's time: only a recent transition counts towards the rate, not one replayed at start
     */
    void updated(String tripId, @Nullable TripStatus status, long timestamp) {
        Set<String> touched = touchedDuringRebuild;
        if (touched != null) {
            touched.add(tripId);
        }
        if (status == null || status.isTerminal()) {
            long now = clock.millis();
            if (open.remove(tripId) && status != null && now - timestamp <= finished.windowMillis()) {
                finished.mark(now);
            }
        } else {
            open.add(tripId);
        }
        List<Runnable> waiting = watchers.get(tripId);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
        everyUpdate.forEach(listener -> listener.accept(tripId));
    }

    /**
     * Rebuilds the open trips from one scan of the store (at start-up, once Streams runs: however the store was
     * restored, the index then matches it). Updates that arrive meanwhile win over what the scan read.
     */
    public void rebuild(ReadOnlyKeyValueStore<String, byte[]> store) {
        rebuildStarting();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                JsonNode status = entry.value == null
                        ? null
                        : EventJson.mapper().readTree(entry.value).get("status");
                if (status != null && status.isString()) {
                    scanned(entry.key, TripStatus.valueOf(status.asString()));
                }
            });
        } finally {
            rebuildDone();
        }
    }

    /** Starts a rebuild: updates from now on win over what the scan reads. */
    void rebuildStarting() {
        touchedDuringRebuild = ConcurrentHashMap.newKeySet();
    }

    /** One trip as the rebuild's scan of the store found it. */
    void scanned(String tripId, TripStatus status) {
        Set<String> touched = touchedDuringRebuild;
        if (touched != null && touched.contains(tripId)) {
            return;
        }
        if (status.isTerminal()) {
            open.remove(tripId);
        } else {
            open.add(tripId);
        }
    }

    void rebuildDone() {
        touchedDuringRebuild = null;
    }
}
