package io.itinera.gateway.state;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.gateway.problem.Problem;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How the HTTP layer talks to the sagas: publish a command (acknowledged by all in-sync replicas before the client
 * hears back; a broker that cannot take it within the producer's bounded delivery timeout is a 503 with Retry-After),
 * and, where a client needs it, wait until its effect is readable on this replica.
 */
@Component
public class SagaCommands {

    /** What a client should wait before retrying when the broker did not take a command. */
    static final String BROKER_RETRY_AFTER_SECONDS = "5";

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private final EventPublisher publisher;

    public SagaCommands(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Hands a command keyed by its trip or proposal id to the producer without blocking a thread; completes when the
     * broker has acknowledged it.
     */
    public <T extends Event> Mono<Void> send(TopicSpec<T> topic, T command, String requestId) {
        return Mono.fromFuture(() -> publisher.publishAsync(topic, command, correlation(requestId)))
                .onErrorMap(failure -> !(failure instanceof Problem), failure -> brokerUnavailable(topic, failure));
    }

    /** Publishes a command keyed by its trip or proposal id, with the HTTP request's id in its headers. */
    public <T extends Event> Mono<Void> publish(TopicSpec<T> topic, T command, String requestId) {
        return Mono.<Void>fromRunnable(() -> publisher.publish(topic, command, correlation(requestId)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(failure -> !(failure instanceof Problem), failure -> brokerUnavailable(topic, failure));
    }

    /**
     * Publishes a command that creates something (a proposal) and waits briefly until it is readable. With an
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
     * Polls the local read model until the lookup finds something or the wait is over (proposals; trips are watched,
     * see {@link TripWatch}).
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

    private static RecordHeaders correlation(String requestId) {
        RecordHeaders correlation = new RecordHeaders();
        EventHeaders.replace(correlation, EventHeaders.REQUEST_ID, requestId);
        return correlation;
    }

    private static Problem brokerUnavailable(TopicSpec<?> topic, Throwable failure) {
        log.warn("could not publish to {}: {}", topic.name(), failure.toString());
        return new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "broker-unavailable",
                        "Temporarily unavailable",
                        "The request could not be stored right now and was not accepted; retry later, with an"
                                + " Idempotency-Key so that the retry is safe.")
                .withHeader("Retry-After", BROKER_RETRY_AFTER_SECONDS);
    }
}
