package io.itinera.gateway.trip;

import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.saga.TripIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * Trips this replica is accepting or accepted whose snapshot it has not read yet: its own {@code GET} answers those
 * accepted without an {@code Idempotency-Key} {@code PENDING} at once, without waiting for the saga, and admission and
 * each client's cap of open trips count them all. Bounded; a trip leaves when its snapshot arrives, when its command
 * could not be sent, or after {@code gateway.trips.placeholder-ttl}.
 */
@Component
class AcceptedTrips {

    static final int CAPACITY = 10_000;
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    /** @param served whether this replica answers the trip from here until its snapshot arrives */
    private record Placeholder(TripSnapshot trip, long expiresAt, boolean served) {}

    private final Map<String, Placeholder> placeholders = new ConcurrentHashMap<>();
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private volatile long nextSweep;

    AcceptedTrips(TripIndex index, Clock clock, TripsProperties properties) {
        this.clock = clock;
        this.ttlMillis = properties.placeholderTtl().toMillis();
        index.onEveryUpdate(this::notAccepted);
    }

    /**
     * Before the command is sent (so that its snapshot, however fast, always arrives after): counts the trip among its
     * client's open trips, unless the client already has {@code cap} of them, those the read model knows ({@code
     * folded}) and those this replica accepted that it does not know yet. Checked and counted in one step per client,
     * so that concurrent requests of one client on this replica cannot pass the cap together.
     *
     * @param served whether this replica answers the trip {@code PENDING} from here until its snapshot arrives (a trip
     *     without an {@code Idempotency-Key}; with one, the saga's verdict is awaited instead)
     * @return false, and nothing counted, when the client has its cap of open trips
     */
    boolean accepting(SubmitTrip command, boolean served, int cap, IntSupplier folded) {
        sweepIfDue();
        AtomicBoolean admitted = new AtomicBoolean();
        byClient.compute(command.clientId(), (client, count) -> {
            int mine = count == null ? 0 : count;
            if (placeholders.containsKey(command.tripId())) {
                admitted.set(true); // the same Idempotency-Key in flight twice: one trip, counted once
                return count;
            }
            if (folded.getAsInt() + mine >= cap) {
                return count;
            }
            admitted.set(true);
            if (placeholders.size() >= CAPACITY) {
                return count; // admitted uncounted: the cap may then pass by what this replica has in flight
            }
            placeholders.put(command.tripId(), new Placeholder(pending(command), clock.millis() + ttlMillis, served));
            return mine + 1;
        });
        return admitted.get();
    }

    void notAccepted(String tripId) {
        Placeholder removed = placeholders.remove(tripId);
        if (removed != null) {
            uncount(removed);
        }
    }

    /** Whether this replica sent the trip's command and has not read the trip back yet (with or without a key). */
    boolean inFlight(String tripId) {
        return live(tripId).isPresent();
    }

    Optional<TripSnapshot> find(String tripId, String clientId) {
        return live(tripId)
                .filter(Placeholder::served)
                .map(Placeholder::trip)
                .filter(trip -> trip.clientId().equals(clientId));
    }

    /** The trip's placeholder unless it has expired (the sweep removes expired ones only once a second). */
    private Optional<Placeholder> live(String tripId) {
        Placeholder found = placeholders.get(tripId);
        return found == null || found.expiresAt() < clock.millis() ? Optional.empty() : Optional.of(found);
    }

    /** The trips of one client this replica accepted, answers from here, and has not read back yet. */
    List<String> idsOf(String clientId) {
        long now = clock.millis();
        return placeholders.values().stream()
                .filter(placeholder -> placeholder.served()
                        && placeholder.expiresAt() >= now
                        && placeholder.trip().clientId().equals(clientId))
                .map(placeholder -> placeholder.trip().tripId())
                .toList();
    }

    /** How many trips this replica accepted whose snapshot it has not read yet. */
    int count() {
        sweepIfDue();
        return placeholders.size();
    }

    private void sweepIfDue() {
        long now = clock.millis();
        if (now >= nextSweep) {
            nextSweep = now + SWEEP_EVERY_MILLIS;
            placeholders.forEach((tripId, placeholder) -> {
                if (placeholder.expiresAt() < now && placeholders.remove(tripId, placeholder)) {
                    uncount(placeholder);
                }
            });
        }
    }

    private void uncount(Placeholder placeholder) {
        byClient.computeIfPresent(placeholder.trip().clientId(), (client, count) -> count <= 1 ? null : count - 1);
    }

    /** The trip as the saga will first write it (see its fold), version 0 until then. */
    private static TripSnapshot pending(SubmitTrip command) {
        Instant at = command.occurredAt();
        ProgressEntry accepted = new ProgressEntry(1, at, "trip", TripStatus.PENDING, "accepted", 0, "Trip accepted");
        return new TripSnapshot(
                TripSnapshot.SCHEMA_VERSION,
                command.tripId(),
                command.clientId(),
                0,
                TripStatus.PENDING,
                at,
                at,
                command.request(),
                null,
                null,
                null,
                List.of(accepted),
                List.of(),
                command.eventId().toString());
    }
}
