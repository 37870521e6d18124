package io.itinera.gateway.state;

import io.itinera.gateway.saga.TripIndex;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for news of a trip without polling: the {@link TripIndex} tells when this replica's copy of the trip changed,
 * and only then is it read again (off the event loop).
 */
@Component
public class TripWatch {

    private final TripIndex index;

    public TripWatch(TripIndex index) {
        this.index = index;
    }

    /**
     * Signals once at once and then after every update of the trip, latest only, until cancelled. The watch is in place
     * before the first signal, so no update between a read and the watch is missed.
     */
    public Flux<Boolean> updates(String tripId) {
        return Updates.of(listener -> index.watch(tripId, listener));
    }

    /**
     * Reads the trip now and after each of its updates until {@code lookup} finds what it looks for or the wait is
     * over. The wait starts once the first read is done, so that what the first read finds always counts, however
     * short the wait and however slow the read (a wait shorter than a thread hop would otherwise answer "not found"
     * for a trip that is there).
     *
     * @return what was found, or empty when nothing was found in time
     */
    public <T> Mono<Optional<T>> await(String tripId, Callable<Optional<T>> lookup, Duration within) {
        return updates(tripId)
                .concatMap(tick -> Mono.fromCallable(lookup).subscribeOn(Schedulers.boundedElastic()), 1)
                .switchOnFirst((first, reads) -> {
                    Optional<T> found = first.get();
                    return found != null && found.isPresent()
                            ? Mono.just(found)
                            : reads.skip(1).filter(Optional::isPresent).take(within);
                })
                .next()
                .defaultIfEmpty(Optional.empty());
    }
}
