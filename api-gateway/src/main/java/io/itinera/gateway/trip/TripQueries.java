package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.TripSagaTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Reads trips from this replica's copy of {@code travel-trips.state}. */
@Component
class TripQueries {

    private final StreamsBuilderFactoryBean streams;

    TripQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    Optional<TripSnapshot> find(String tripId) {
        try {
            return Optional.ofNullable(store().get(tripId));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    /** One client's trip: another client's trip is reported as missing, not forbidden. */
    Optional<TripSnapshot> find(String tripId, String clientId) {
        return find(tripId).filter(trip -> trip.clientId().equals(clientId));
    }

    /**
     * A page of one client's trips, newest first, after the cursor. Scans this replica's copy of every trip: fine for
     * the volumes of a single cluster; a per-client index topic is the next step when it is not (see ADR 0005).
     */
    List<TripSnapshot> page(String clientId, @Nullable TripStatus status, @Nullable TripCursor after, int limit) {
        List<TripSnapshot> matching = new ArrayList<>();
        try (KeyValueIterator<String, TripSnapshot> all = store().all()) {
            all.forEachRemaining(entry -> {
                TripSnapshot trip = entry.value;
                if (trip != null
                        && trip.clientId().equals(clientId)
                        && (status == null || trip.status() == status)
                        && (after == null || after.isBefore(trip))) {
                    matching.add(trip);
                }
            });
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
        return matching.stream().sorted(TripCursor.NEWEST_FIRST).limit(limit).toList();
    }

    private ReadOnlyKeyValueStore<String, TripSnapshot> store() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable();
        }
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                TripSagaTopology.TRIPS_STORE, QueryableStoreTypes.keyValueStore()));
    }

    private static Problem unavailable() {
        return new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "trips-unavailable",
                        "Trips temporarily unavailable",
                        "This replica is still loading trips; retry shortly.")
                .withHeader("Retry-After", "2");
    }
}
