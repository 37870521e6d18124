package io.itinera.gateway.live;

import io.itinera.events.trip.Followable;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.gateway.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A trip's or a proposal's history as Server-Sent Events: one event per status change or progress report,
 * {@code id:} = its sequence number, so a client resumes with {@code Last-Event-ID}; the stream ends after a terminal
 * status. It follows this replica's copy of the state, so it works on whichever replica the client lands.
 */
@Component
public class HistoryEvents {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /**
     * @param lookup reads the followed snapshot; empty ends the stream
     * @param afterSequence the last sequence the client has seen (0 for all)
     */
    public Flux<ServerSentEvent<ProgressEntry>> follow(
            Supplier<Optional<? extends Followable>> lookup, long afterSequence) {
        AtomicLong lastSent = new AtomicLong(afterSequence);
        AtomicLong quietPolls = new AtomicLong();
        long pollsPerHeartbeat = HEARTBEAT.toMillis() / POLL.toMillis();
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop()
                .concatMap(
                        tick -> Flux.defer(() -> {
                                    Optional<? extends Followable> followed = lookup.get();
                                    return Flux.just(followed);
                                })
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .takeWhile(Optional::isPresent)
                .<Followable>map(Optional::get)
                .takeUntil(trip -> trip.status().isTerminal())
                .concatMapIterable(trip -> {
                    List<ProgressEntry> history = trip.history();
                    List<ServerSentEvent<ProgressEntry>> events = IntStream.range(0, history.size())
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

    /** The sequence a client last saw, from its {@code Last-Event-ID} header; 0 when absent. */
    public static long parseLastEventId(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw Problem.invalidRequest(
                    List.of(new Problem.FieldProblem("Last-Event-ID", "must be an event id this stream sent")));
        }
    }

    /** {@code event: status} when the trip's status changed with this entry, {@code event: progress} otherwise. */
    private static ServerSentEvent<ProgressEntry> toEvent(ProgressEntry entry, boolean statusChanged) {
        return ServerSentEvent.builder(entry)
                .id(Long.toString(entry.sequence()))
                .event(statusChanged ? "status" : "progress")
                .build();
    }
}
