package io.itinera.gateway.live;

import io.itinera.events.trip.Followable;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.gateway.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A trip's or a proposal's history as Server-Sent Events: one event per status change or progress report,
 * {@code id:} = its sequence number, so a client resumes with {@code Last-Event-ID}; the stream ends after a terminal
 * status. It follows this replica's copy of the state, so it works on whichever replica the client lands. When the
 * replica shuts down, the stream ends cleanly with a {@code retry:} hint: the client reconnects (with
 * {@code Last-Event-ID}) to another replica instead of holding this one's graceful shutdown.
 */
@Component
public class HistoryEvents {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** What the last event of a stream cut by a shutdown tells the client to wait before it reconnects. */
    static final Duration RETRY_AFTER_SHUTDOWN = Duration.ofSeconds(1);

    private final ShutdownSignal shutdown;

    public HistoryEvents(ShutdownSignal shutdown) {
        this.shutdown = shutdown;
    }

    /**
     * Follows by reading the snapshot again only when {@code changes} signals (pushed from this replica's read model), with a keep-alive comment after {@link #HEARTBEAT} of silence.
     *
     * @param lookup reads the followed snapshot; empty ends the stream
     * @param afterSequence the last sequence the client has seen (0 for all)
     * @param changes signals when the snapshot may have changed, starting with one for the snapshot as it is now
     */
    public Flux<ServerSentEvent<ProgressEntry>> follow(
            Supplier<Optional<? extends Followable>> lookup, long afterSequence, Flux<?> changes) {
        AtomicLong lastSent = new AtomicLong(afterSequence);
        AtomicBoolean opened = new AtomicBoolean();
        Flux<Boolean> ticks = Flux.merge(
                        changes.map(change -> Boolean.FALSE),
                        Flux.interval(HEARTBEAT, HEARTBEAT).map(beat -> Boolean.TRUE))
                .onBackpressureLatest();
        return ticks.concatMap(
                        heartbeat -> Mono.fromCallable(() -> new Tick(heartbeat, lookup.get()))
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .takeWhile(tick -> tick.followed().isPresent())
                .takeUntil(tick -> tick.followed().get().status().isTerminal())
                .concatMapIterable(tick -> {
                    List<ProgressEntry> history = tick.followed().get().history();
                    List<ServerSentEvent<ProgressEntry>> events = IntStream.range(0, history.size())
                            .filter(i -> history.get(i).sequence() > lastSent.get())
                            .mapToObj(i -> toEvent(
                                    history.get(i),
                                    i == 0
                                            || history.get(i - 1).status()
                                                    != history.get(i).status()))
                            .toList();
                    boolean first = !opened.getAndSet(true);
                    if (!events.isEmpty()) {
                        lastSent.set(history.get(history.size() - 1).sequence());
                        return events;
                    }
                    // Nothing new at the first look (a client resuming at the latest id): a comment sends the answer's
                    // headers now instead of at the first heartbeat, so the client knows the stream is open.
                    return tick.heartbeat() || first
                            ? List.of(ServerSentEvent.<ProgressEntry>builder()
                                    .comment("keep-alive")
                                    .build())
                            : List.of();
                })
                .takeUntilOther(shutdown.closing())
                .concatWith(Mono.defer(() -> shutdown.started()
                        ? Mono.just(ServerSentEvent.<ProgressEntry>builder()
                                .retry(RETRY_AFTER_SHUTDOWN)
                                .comment("replica shutting down, reconnect")
                                .build())
                        : Mono.empty()));
    }

    /** One look at the followed snapshot, and whether it was the heartbeat's. */
    private record Tick(boolean heartbeat, Optional<? extends Followable> followed) {}

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
