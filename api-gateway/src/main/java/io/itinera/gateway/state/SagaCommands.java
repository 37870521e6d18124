package io.itinera.gateway.state;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.system.Correlation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Below the producer's {@code metadata.max.idle.ms} (5 min), with room for a send's own delivery timeout. */
    static final Duration METADATA_FRESH = Duration.ofMinutes(4);

    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Logger log = LoggerFactory.getLogger(SagaCommands.class);

    private final EventPublisher publisher;
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

    public SagaCommands(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Hands a command keyed by its trip or proposal id to the producer without blocking a thread; completes when the
     * broker has acknowledged it.
     */
    public <T extends Event> Mono<Void> send(TopicSpec<T> topic, T command, Correlation correlation) {
        Mono<Void> sent = Mono.fromFuture(() -> publisher.publishAsync(topic, command, headers(correlation)));
        if (!metadataCached(topic)) {
            // KafkaProducer.send blocks (up to max.block.ms) while it fetches a topic's metadata: not on an event loop
            sent = sent.subscribeOn(Schedulers.boundedElastic());
        }
        return sent.doOnSuccess(acknowledged -> sentTo(topic))
                .onErrorMap(failure -> !(failure instanceof Problem), failure -> brokerUnavailable(topic, failure));
    }

    /** Publishes a command keyed by its trip or proposal id, with the HTTP request's id and trace in its headers. */
    public <T extends Event> Mono<Void> publish(TopicSpec<T> topic, T command, Correlation correlation) {
        return Mono.<Void>fromRunnable(() -> publisher.publish(topic, command, headers(correlation)))
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
            Correlation correlation,
            @Nullable String idempotencyKey,
            Supplier<Optional<S>> existing,
            Predicate<S> sameRequest,
            Duration within) {
        Mono<Boolean> fresh = publish(topic, command, correlation)
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

    /**
     * Whether a command reached the broker on this topic lately, so that the producer still holds its metadata and
     * {@code send} returns at once. The producer forgets a topic's metadata after {@code metadata.max.idle.ms} (5 min,
     * Kafka's default, not overridden) without a send; the first command after start-up or a quiet spell is handed to
     * the producer on a bounded-elastic thread instead of the event loop.
     */
    private boolean metadataCached(TopicSpec<?> topic) {
        Long at = lastSent.get(topic.name());
        return at != null && System.nanoTime() - at < METADATA_FRESH.toNanos();
    }

    private void sentTo(TopicSpec<?> topic) {
        long now = System.nanoTime();
        Long at = lastSent.get(topic.name());
        if (at == null || now - at > SECOND_NANOS) { // one write a second per topic, not one per command
            lastSent.put(topic.name(), now);
        }
    }

    private static RecordHeaders headers(Correlation correlation) {
        RecordHeaders headers = new RecordHeaders();
        correlation.writeTo(headers);
        return headers;
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
