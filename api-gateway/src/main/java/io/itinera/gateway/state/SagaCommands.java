package io.itinera.gateway.state;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.kafka.EventPublisher;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How the HTTP layer talks to the sagas: publish a command (acknowledged by all in-sync replicas before the client
 * hears back), then wait briefly until its effect is readable on this replica, so that a client's next read here
 * sees it.
 */
@Component
public class SagaCommands {

    private static final Duration POLL = Duration.ofMillis(25);

    private final EventPublisher publisher;

    public SagaCommands(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes a command keyed by its trip or proposal id, with the HTTP request's id in its headers. */
    public <T extends Event> Mono<Void> publish(TopicSpec<T> topic, T command, String requestId) {
        RecordHeaders correlation = new RecordHeaders();
        EventHeaders.replace(correlation, EventHeaders.REQUEST_ID, requestId);
        return Mono.<Void>fromRunnable(() -> publisher.publish(topic, command, correlation))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Publishes a command that creates something (a trip, a proposal) and waits briefly until it is readable. With an
     * idempotency key, the id was derived from the key: if the thing already exists, nothing is published and the
     * existing one must have come from the same request.
     *
     * @param existing looks the thing up on this replica
     * @param sameRequest whether an existing thing was created by this very request (else the key was reused)
     * @return whether an earlier request with the same key created it
     */
    public <T extends Event, S> Mono<Boolean> submit(
            TopicSpec<T> topic,
            T command,
            String requestId,
            @Nullable String idempotencyKey,
            Supplier<Optional<S>> existing,
            Predicate<S> sameRequest,
            Duration within) {
        Mono<Boolean> fresh = publish(topic, command, requestId)
                .then(awaitReadable(existing, within))
                .map(created -> {
                    // With a key, a concurrent request may have created it first: it must match ours.
                    created.ifPresent(found -> Idempotency.requireSameRequest(sameRequest.test(found)));
                    return false;
                });
        if (idempotencyKey == null) {
            return fresh;
        }
        return Mono.fromCallable(existing::get)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.isPresent()
                        ? Mono.fromSupplier(() -> {
                            Idempotency.requireSameRequest(sameRequest.test(found.get()));
                            return true;
                        })
                        : fresh);
    }

    /**
     * Polls the local read model until the lookup finds something or the wait is over.
     *
     * @return what was found, or empty when the effect was not readable in time (the command is still durable)
     */
    public <T> Mono<Optional<T>> awaitReadable(Supplier<Optional<T>> lookup, Duration within) {
        return Mono.defer(() -> Mono.justOrEmpty(lookup.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .timeout(within, Mono.empty())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }
}
