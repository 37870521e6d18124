package io.itinera.gateway.trip;

import io.itinera.events.Topics;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.saga.TripIndex;
import io.itinera.gateway.saga.TripsByClient;
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
    private final TripIndex index;

    TripQueries(
            ReadModels readModels,
            AcceptedTrips accepted,
            TripWatch watch,
            TripsProperties properties,
            TripIndex index) {
        this.readModels = readModels;
        this.accepted = accepted;
        this.watch = watch;
        this.properties = properties;
        this.index = index;
    }

    Optional<TripSnapshot> find(String tripId) {
        return readModels.<byte[]>find(SagaTopology.TRIPS_STORE, tripId).map(TripQueries::parse);
    }

    /**
     * One client's trip, or the {@code PENDING} placeholder of one this replica accepted and has not read back yet;
     * another client's trip is reported as missing, not forbidden.
     *
     * <p>The placeholder is read first: the read model stores a trip's snapshot before it drops the placeholder, so
     * one of the two reads finds the trip however its snapshot's arrival falls between them. (Store first, then
     * placeholder could miss both: the store before the snapshot, the placeholder after it went.)
     */
    Optional<TripSnapshot> find(String tripId, String clientId) {
        Optional<TripSnapshot> placeholder = accepted.find(tripId, clientId);
        Optional<TripSnapshot> stored =
                find(tripId).filter(trip -> trip.clientId().equals(clientId));
        return stored.isPresent() ? stored : placeholder;
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
     * {@code gateway.trips.read-wait}), so that a listing right after a {@code POST} shows the new trip.
     */
    Mono<Void> settled(String clientId) {
        return Flux.fromIterable(accepted.idsOf(clientId))
                .flatMap(id -> watch.await(id, () -> find(id), properties.readWait()))
                .then();
    }

    /**
     * A page of one client's trips, newest first, after the cursor: the {@link TripsByClient} index picks the page, and
     * only its trips are read and parsed. A trip whose snapshot moved on since the index saw it (another status, or
     * erased) is left out, as it would be a moment later.
     */
    List<TripSnapshot> page(String clientId, @Nullable TripStatus status, @Nullable TripCursor after, int limit) {
        List<TripSnapshot> page = new ArrayList<>(limit);
        for (TripsByClient.Entry entry :
                index.byClient().page(clientId, status, after == null ? null : after.position(), limit)) {
            find(entry.tripId())
                    .filter(trip -> trip.clientId().equals(clientId) && (status == null || trip.status() == status))
                    .ifPresent(page::add);
        }
        return page;
    }

    private static TripSnapshot parse(byte[] json) {
        TripSnapshot trip = SNAPSHOTS.deserialize(Topics.TRIP_STATE.name(), json);
        if (trip == null) {
            throw new IllegalStateException("the trips' store holds no null values");
        }
        return trip;
    }
}
