package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.state.ReadModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads trips from this replica's copy of {@code travel-trips.state}. */
@Component
class TripQueries {

    private final ReadModels readModels;

    TripQueries(ReadModels readModels) {
        this.readModels = readModels;
    }

    Optional<TripSnapshot> find(String tripId) {
        return readModels.find(SagaTopology.TRIPS_STORE, tripId);
    }

    /** One client's trip: another client's trip is reported as missing, not forbidden. */
    Optional<TripSnapshot> find(String tripId, String clientId) {
        return readModels.findOwned(SagaTopology.TRIPS_STORE, tripId, clientId);
    }

    /** One client's trip, or a 404 problem. */
    Mono<TripSnapshot> owned(String tripId, String clientId) {
        return readModels.owned(SagaTopology.TRIPS_STORE, tripId, clientId, "Trip");
    }

    /**
     * A page of one client's trips, newest first, after the cursor. Scans this replica's copy of every trip: fine for
     * the volumes of a single cluster; a per-client index topic is the next step when it is not (see ADR 0005).
     */
    List<TripSnapshot> page(String clientId, @Nullable TripStatus status, @Nullable TripCursor after, int limit) {
        List<TripSnapshot> matching = new ArrayList<>();
        readModels.<TripSnapshot>forEach(SagaTopology.TRIPS_STORE, trip -> {
            if (trip.clientId().equals(clientId)
                    && (status == null || trip.status() == status)
                    && (after == null || after.isBefore(trip))) {
                matching.add(trip);
            }
        });
        return matching.stream().sorted(TripCursor.NEWEST_FIRST).limit(limit).toList();
    }
}
