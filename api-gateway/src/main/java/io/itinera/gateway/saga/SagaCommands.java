package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.kafka.EventPublisher;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
