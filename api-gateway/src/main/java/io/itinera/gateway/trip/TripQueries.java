package io.itinera.gateway.trip;

import io.itinera.events.Topics;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.state.ReadModels;
import io.itinera.gateway.state.TripWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads trips from this replica's copy of {@code travel-trips.state}, which keeps each snapshot's bytes: a snapshot is
 * parsed only when a client asks for it.
 */
@Component
class TripQueries {

    private static final Deserializer<TripSnapshot> SNAPSHOTS =
            EventSerde.of(Topics.TRIP_STATE).deserializer();

    private final ReadModels readModels;
    private final AcceptedTrips accepted;
    private final TripWatch watch;
    private final TripsProperties properties;

    TripQueries(ReadModels readModels, AcceptedTrips accepted, TripWatch watch, TripsProperties properties) {
        this.readModels = readModels;
        this.accepted = accepted;
        this.watch = watch;
        this.properties = properties;
    }

    Optional<TripSnapshot> find(String tripId) {
        return readModels.<byte[]>find(SagaTopology.TRIPS_STORE, tripId).map(TripQueries::parse);
    }

    /**
     * One client's trip, or the {@code PENDING} placeholder of one this replica accepted and has not read back yet;
     * another client's trip is reported as missing, not forbidden.
     */
    Optional<TripSnapshot> find(String tripId, String clientId) {
        Optional<TripSnapshot> stored =
                find(tripId).filter(trip -> trip.clientId().equals(clientId));
        return stored.isPresent() ? stored : accepted.find(tripId, clientId);
    }

    /**
     * One client's trip, or a 404 problem. A trip this replica does not know yet is waited for (without blocking) up to
     * {@code gateway.trips.read-wait}: it may have been accepted by another replica a moment ago.
     */
    Mono<TripSnapshot> owned(String tripId, String clientId) {
        return watch.await(tripId, () -> find(tripId, clientId), properties.readWait())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Trip", tripId)));
    }

    /**
     * Completes once every trip this replica accepted for the client is in its read model (or after
     * {@code gateway.trips.read-wait}), so that a listing right after a {@code POST} shows the new trip, with the
     * creation time the saga gave it.
     */
    Mono<Void> settled(String clientId) {
        return Flux.fromIterable(accepted.idsOf(clientId))
                .flatMap(id -> watch.await(id, () -> find(id), properties.readWait()))
                .then();
    }

    /**
     * A page of one client's trips, newest first, after the cursor. Scans this replica's copy of every trip: fine for
     * the volumes of a single cluster; a per-client index topic is the next step when it is not (see ADR 0005).
     */
    List<TripSnapshot> page(String clientId, @Nullable TripStatus status, @Nullable TripCursor after, int limit) {
        List<TripSnapshot> matching = new ArrayList<>();
        readModels.<byte[]>forEach(SagaTopology.TRIPS_STORE, bytes -> {
            TripSnapshot trip = parse(bytes);
            if (trip.clientId().equals(clientId)
                    && (status == null || trip.status() == status)
                    && (after == null || after.isBefore(trip))) {
                matching.add(trip);
            }
        });
        return matching.stream().sorted(TripCursor.NEWEST_FIRST).limit(limit).toList();
    }

    private static TripSnapshot parse(byte[] json) {
        TripSnapshot trip = SNAPSHOTS.deserialize(Topics.TRIP_STATE.name(), json);
        if (trip == null) {
            throw new IllegalStateException("the trips' store holds no null values");
        }
        return trip;
    }
}
