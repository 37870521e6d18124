package io.itinera.gateway.trip;

import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A trip's history as Server-Sent Events: one event per status change or progress report, {@code id:} = its sequence
 * number, so a client resumes with {@code Last-Event-ID}; the stream ends after a terminal status. It follows this
 * replica's copy of {@code travel-trips.state}, so it works on whichever replica the client lands.
 */
@Component
class TripEventStream {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final TripQueries queries;

    TripEventStream(TripQueries queries) {
        this.queries = queries;
    }

    Flux<ServerSentEvent<ProgressEntry>> follow(String tripId, String clientId, long afterSequence) {
        AtomicLong lastSent = new AtomicLong(afterSequence);
        AtomicLong quietPolls = new AtomicLong();
        long pollsPerHeartbeat = HEARTBEAT.toMillis() / POLL.toMillis();
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop()
                .concatMap(
                        tick -> Flux.defer(() -> {
                                    Optional<TripSnapshot> trip = queries.find(tripId, clientId);
                                    return Flux.just(trip);
                                })
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .takeUntil(trip -> trip.status().isTerminal())
                .concatMapIterable(trip -> {
                    List<ProgressEntry> history = trip.history();
                    List<ServerSentEvent<ProgressEntry>> events = java.util.stream.IntStream.range(0, history.size())
                            .filter(i -> history.get(i).sequence() > lastSent.get())
                            .mapToObj(i -> toEvent(
                                    history.get(i),
                                    i == 0
                                            || history.get(i - 1).status()
                                                    != history.get(i).status()))
                            .toList();
                    if (!events.isEmpty()) {
                        lastSent.set(
                                trip.history().get(trip.history().size() - 1).sequence());
                        quietPolls.set(0);
                        return events;
                    }
                    return quietPolls.incrementAndGet() % pollsPerHeartbeat == 0
                            ? List.of(ServerSentEvent.<ProgressEntry>builder()
                                    .comment("keep-alive")
                                    .build())
                            : List.of();
                });
    }

    /** {@code event: status} when the trip's status changed with this entry, {@code event: progress} otherwise. */
    private static ServerSentEvent<ProgressEntry> toEvent(ProgressEntry entry, boolean statusChanged) {
        return ServerSentEvent.builder(entry)
                .id(Long.toString(entry.sequence()))
                .event(statusChanged ? "status" : "progress")
                .build();
    }
}
