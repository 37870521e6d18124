package io.itinera.gateway.trip;

import io.itinera.events.EventHeaders;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripSubmitted;
import io.itinera.gateway.security.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands a new trip to the saga: publishes {@link TripSubmitted} on the gateway's command topic (acknowledged by all
 * in-sync replicas before the client hears back), then waits briefly until the trip is readable on this replica.
 */
@Component
class TripSubmissions {

    private static final Duration POLL = Duration.ofMillis(25);

    private final EventPublisher publisher;
    private final TripQueries queries;
    private final TripsProperties properties;
    private final MeterRegistry meters;

    TripSubmissions(EventPublisher publisher, TripQueries queries, TripsProperties properties, MeterRegistry meters) {
        this.publisher = publisher;
        this.queries = queries;
        this.properties = properties;
        this.meters = meters;
    }

    /** @return the new trip's id, once the command is durable and (within the wait) the trip is readable here */
    Mono<String> submit(ApiClient client, String requestId, TripRequest request) {
        String tripId = UUID.randomUUID().toString();
        TripSubmitted command = TripSubmitted.of(tripId, client.id(), requestId, request);
        RecordHeaders correlation = new RecordHeaders();
        EventHeaders.replace(correlation, EventHeaders.REQUEST_ID, requestId);
        Mono<TripSnapshot> readable = Mono.defer(() -> Mono.justOrEmpty(queries.find(tripId)))
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .timeout(properties.acceptWait(), Mono.empty());
        return Mono.fromRunnable(() -> publisher.publish(Topics.TRIP_COMMANDS, command, correlation))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(
                        ignored -> meters.counter("itinera.trips.requested").increment())
                .then(readable)
                .thenReturn(tripId);
    }
}
