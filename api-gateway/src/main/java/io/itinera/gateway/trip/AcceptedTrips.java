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
import org.springframework.stereotype.Component;

/**
 * Trips this replica is accepting or accepted whose snapshot it has not read yet: its own {@code GET} answers them
 * {@code PENDING} at once, without waiting for the saga, and admission counts them. Bounded; a trip leaves when its
 * snapshot arrives, when its command could not be sent, or after {@code gateway.trips.placeholder-ttl}.
 */
@Component
class AcceptedTrips {

    static final int CAPACITY = 10_000;
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private record Placeholder(TripSnapshot trip, long expiresAt) {}

    private final Map<String, Placeholder> placeholders = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private volatile long nextSweep;

    AcceptedTrips(TripIndex index, Clock clock, TripsProperties properties) {
        this.clock = clock;
        this.ttlMillis = properties.placeholderTtl().toMillis();
        index.onEveryUpdate(placeholders::remove);
    }

    /** Before the command is sent, so that its snapshot, however fast, always arrives after. */
    void accepting(SubmitTrip command) {
        sweepIfDue();
        if (placeholders.size() < CAPACITY) {
            placeholders.put(command.tripId(), new Placeholder(pending(command), clock.millis() + ttlMillis));
        }
    }

    void notAccepted(String tripId) {
        placeholders.remove(tripId);
    }

    Optional<TripSnapshot> find(String tripId, String clientId) {
        Placeholder found = placeholders.get(tripId);
        return found == null
                        || found.expiresAt() < clock.millis()
                        || !found.trip().clientId().equals(clientId)
                ? Optional.empty()
                : Optional.of(found.trip());
    }

    /** The trips of one client this replica accepted and has not read back yet. */
    List<String> idsOf(String clientId) {
        long now = clock.millis();
        return placeholders.values().stream()
                .filter(placeholder -> placeholder.expiresAt() >= now
                        && placeholder.trip().clientId().equals(clientId))
                .map(placeholder -> placeholder.trip().tripId())
                .toList();
    }

    int count() {
        sweepIfDue();
        return placeholders.size();
    }

    private void sweepIfDue() {
        long now = clock.millis();
        if (now >= nextSweep) {
            nextSweep = now + SWEEP_EVERY_MILLIS;
            placeholders.values().removeIf(placeholder -> placeholder.expiresAt() < now);
        }
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
