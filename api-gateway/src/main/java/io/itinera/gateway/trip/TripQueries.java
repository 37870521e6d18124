package io.itinera.gateway.trip;

import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.TripSagaTopology;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
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
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable();
        }
        try {
            ReadOnlyKeyValueStore<String, TripSnapshot> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    TripSagaTopology.TRIPS_STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(tripId));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
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
