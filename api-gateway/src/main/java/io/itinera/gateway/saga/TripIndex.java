package io.itinera.gateway.saga;

import io.itinera.events.serde.EventJson;
import io.itinera.events.trip.TripStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * read: the ids of the trips still open (cluster-wide, since every replica reads every trip), the capacity to finish
 * trips estimated from those that did ({@link FinishingCapacity}), every client's trips in creation order
 * ({@link TripsByClient}), and who waits for news of a trip. Fed by {@link TripStateProcessor} on the
 * global stream thread, rebuilt by one scan of the store when Streams starts, read by the HTTP layer.
 */
@Component
public class TripIndex {

    /** The window over which a finishing rate counts as sustained. */
    static final Duration CAPACITY_SUSTAIN = Duration.ofSeconds(10);

    /** How long the best sustained rate is remembered (its time constant): far longer than a worker's restart. */
    static final Duration CAPACITY_MEMORY = Duration.ofMinutes(5);

    private final Clock clock;
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final FinishingCapacity capacity;
    private final TripsByClient byClient = new TripsByClient();
    private final UpdateWatchers watchers = new UpdateWatchers();
    private final List<Consumer<String>> everyUpdate = new CopyOnWriteArrayList<>();
    /** Ids updated while a rebuild scans the store: the scan's older view of them must not win. */
    private volatile @Nullable Set<String> touchedDuringRebuild;

    @Autowired
    public TripIndex(Clock clock) {
        this(clock, CAPACITY_SUSTAIN, CAPACITY_MEMORY);
    }

    TripIndex(Clock clock, Duration capacitySustain, Duration capacityMemory) {
        this.clock = clock;
        this.capacity = new FinishingCapacity(capacitySustain, capacityMemory);
    }

    /** Trips not yet READY, FAILED or CANCELLED, across the cluster. */
    public int openTrips() {
        return open.size();
    }

    /** The ids of the open trips, a copy (for diagnostics and tests: the count is {@link #openTrips()}). */
    public Set<String> openTripIds() {
        return Set.copyOf(open);
    }

    /** Every client's trips, newest first, and how many each has open. */
    public TripsByClient byClient() {
        return byClient;
    }

    /**
     * Trips per second the suite can finish: the best rate of trips reaching {@code READY} or {@code FAILED} sustained
     * over {@link #CAPACITY_SUSTAIN}, remembered with the time constant {@link #CAPACITY_MEMORY}, so that a worker's
     * short outage does not make it look unable to finish anything.
     */
    public double finishingCapacity() {
        return capacity.perSecond(clock.millis());
    }

    /**
     * Calls {@code onUpdate} after every update of one trip (on the global stream thread: keep it short) until the
     * returned handle is closed.
     */
    public AutoCloseable watch(String tripId, Runnable onUpdate) {
        return watchers.watch(tripId, onUpdate);
    }

    /** Calls {@code onUpdate} with the id of every trip updated, for as long as this replica runs. */
    public void onEveryUpdate(Consumer<String> onUpdate) {
        everyUpdate.add(onUpdate);
    }

    /**
     * One record of the state topic, after it is in the store.
     *
     * @param trip the trip as the record describes it, {@code null} for a tombstone
     * @param timestamp the record's time: only a recent transition counts towards the capacity, not one replayed at
     *     start
     */
    void updated(String tripId, TripsByClient.@Nullable Entry trip, long timestamp) {
        Set<String> touched = touchedDuringRebuild;
        if (touched != null) {
            touched.add(tripId);
        }
        TripStatus status = trip == null ? null : trip.status();
        if (trip == null) {
            byClient.remove(tripId);
        } else {
            byClient.put(trip);
        }
        if (status == null || status.isTerminal()) {
            long now = clock.millis();
            // a cancelled trip says nothing about what the workers can finish
            if (open.remove(tripId)
                    && status != null
                    && status != TripStatus.CANCELLED
                    && now - timestamp <= capacity.sustainMillis()) {
                capacity.finished(now);
            }
        } else {
            open.add(tripId);
        }
        watchers.updated(tripId);
        everyUpdate.forEach(listener -> listener.accept(tripId));
    }

    /**
     * Rebuilds the index from one scan of the store (at start-up, once Streams runs: however the store was restored,
     * the index then matches it). Updates that arrive meanwhile win over what the scan read.
     */
    public void rebuild(ReadOnlyKeyValueStore<String, byte[]> store) {
        rebuildStarting();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null) {
                    indexed(entry.key, EventJson.mapper().readTree(entry.value)).ifPresent(this::scanned);
                }
            });
        } finally {
            rebuildDone();
        }
    }

    /** What the index keeps of a stored snapshot, read from its JSON tree without binding the whole snapshot. */
    private static Optional<TripsByClient.Entry> indexed(String tripId, JsonNode snapshot) {
        JsonNode status = snapshot.get("status");
        JsonNode client = snapshot.get("clientId");
        JsonNode created = snapshot.get("createdAt");
        if (status == null || !status.isString() || client == null || !client.isString() || created == null) {
            return Optional.empty();
        }
        return Optional.of(new TripsByClient.Entry(
                tripId,
                client.asString(),
                EventJson.mapper().treeToValue(created, Instant.class),
                TripStatus.valueOf(status.asString())));
    }

    /** Starts a rebuild: updates from now on win over what the scan reads. */
    void rebuildStarting() {
        touchedDuringRebuild = ConcurrentHashMap.newKeySet();
    }

    /** One trip as the rebuild's scan of the store found it. */
    void scanned(TripsByClient.Entry trip) {
        String tripId = trip.tripId();
        Set<String> touched = touchedDuringRebuild;
        if (touched != null && touched.contains(tripId)) {
            return;
        }
        byClient.put(trip);
        if (trip.status().isTerminal()) {
            open.remove(tripId);
        } else {
            open.add(tripId);
        }
    }

    void rebuildDone() {
        touchedDuringRebuild = null;
    }
}
