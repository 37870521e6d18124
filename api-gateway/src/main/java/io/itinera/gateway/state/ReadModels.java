package io.itinera.gateway.state;

import io.itinera.events.trip.Followable;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.SagaTopology;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads this replica's copies of the state topics ({@link SagaTopology#TRIPS_STORE},
 * {@link SagaTopology#PROPOSALS_STORE}). While Kafka Streams is not running yet, reads answer 503 with Retry-After.
 */
@Component
public class ReadModels {

    private final StreamsBuilderFactoryBean streams;

    public ReadModels(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    public <S> Optional<S> find(String storeName, String key) {
        try {
            return Optional.ofNullable(this.<S>store(storeName).get(key));
        } catch (InvalidStateStoreException e) {
            throw unavailable();
        }
    }

    /** One client's snapshot: another client's is reported as missing, not forbidden. */
    public <S extends Followable> Optional<S> findOwned(String storeName, String key, String clientId) {
        return this.<S>find(storeName, key)
                .filter(snapshot -> snapshot.clientId().equals(clientId));
    }

    /**
     * One client's snapshot, read off the event loop, or a 404 problem naming {@code what} (e.g. {@code Trip}) when it
     * does not exist or belongs to another client: its existence is not the caller's to learn.
     */
    public <S extends Followable> Mono<S> owned(String storeName, String key, String clientId, String what) {
        return Mono.fromCallable(() -> this.<S>findOwned(storeName, key, clientId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> Problem.notFound(what, key)));
    }

    private <S> ReadOnlyKeyValueStore<String, S> store(String storeName) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw unavailable();
        }
        return kafkaStreams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
    }

    private static Problem unavailable() {
        return new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "state-unavailable",
                        "Temporarily unavailable",
                        "This replica is still loading its state; retry shortly.")
                .withHeader("Retry-After", "2");
    }
}
