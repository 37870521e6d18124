package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * Every client's trips, newest first (by creation time: when the gateway accepted the trip's command), with their
 * status: what a listing needs to pick the trips of one page without
 * reading any other trip, and how many trips each client has open. Kept by the {@link TripIndex} as the trips' state
 * topic is read, so it covers the whole cluster; memory is a few dozen bytes per trip.
 */
public final class TripsByClient {

    /**
     * A trip as the index knows it.
     *
     * @param createdAt to the millisecond, as the state records' {@code itinera-created} header carries it
     */
    public record Entry(String tripId, String clientId, Instant createdAt, TripStatus status) {

        public Entry {
            createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * Where a trip sorts in its client's list: newest first, ties broken by id (descending), as the API's cursor.
     * Millisecond precision, like the index, so that a cursor made from a snapshot finds its own trip's position.
     */
    public record Position(Instant createdAt, String tripId) {

        public Position {
            createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::createdAt)
            .thenComparing(Position::tripId)
            .reversed();

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Position>> byClient = new ConcurrentHashMap<>();
    private final Map<String, Integer> openByClient = new ConcurrentHashMap<>();

    /**
     * Up to {@code limit} of a client's trips, newest first, strictly after {@code after} (from the start when null),
     * with the given status (any when null).
     */
    public List<Entry> page(String clientId, @Nullable TripStatus status, @Nullable Position after, int limit) {
        NavigableSet<Position> trips = byClient.get(clientId);
        if (trips == null) {
            return List.of();
        }
        List<Entry> page = new ArrayList<>(Math.min(limit, 64));
        for (Position position : after == null ? trips : trips.tailSet(after, false)) {
            Entry entry = byId.get(position.tripId());
            if (entry != null && (status == null || entry.status() == status)) {
                page.add(entry);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** The client's trips not yet READY, FAILED or CANCELLED. */
    public int openOf(String clientId) {
        return openByClient.getOrDefault(clientId, 0);
    }

    /** Records a trip as it is now (its owner and creation time never change). */
    synchronized void put(Entry entry) {
        Entry previous = byId.put(entry.tripId(), entry);
        if (previous == null) {
            byClient.computeIfAbsent(entry.clientId(), client -> new ConcurrentSkipListSet<>(NEWEST_FIRST))
                    .add(new Position(entry.createdAt(), entry.tripId()));
        } else if (!previous.status().isTerminal()) {
            countOpen(previous.clientId(), -1);
        }
        if (!entry.status().isTerminal()) {
            countOpen(entry.clientId(), +1);
        }
    }

    /** Forgets an erased trip. */
    synchronized void remove(String tripId) {
        Entry previous = byId.remove(tripId);
        if (previous == null) {
            return;
        }
        if (!previous.status().isTerminal()) {
            countOpen(previous.clientId(), -1);
        }
        byClient.computeIfPresent(previous.clientId(), (client, trips) -> {
            trips.remove(new Position(previous.createdAt(), tripId));
            return trips.isEmpty() ? null : trips;
        });
    }

    private void countOpen(String clientId, int delta) {
        openByClient.compute(clientId, (client, count) -> {
            int now = (count == null ? 0 : count) + delta;
            return now <= 0 ? null : now;
        });
    }
}
