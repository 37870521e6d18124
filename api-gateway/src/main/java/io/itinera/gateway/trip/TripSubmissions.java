package io.itinera.gateway.trip;

import io.itinera.events.Topics;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.state.Idempotency;
import io.itinera.gateway.state.SagaCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands trip commands to the saga and waits briefly until their effect is readable on this replica. An
 * {@code Idempotency-Key} names the trip (see {@link Idempotency}).
 */
@Component
class TripSubmissions {

    private static final Logger log = LoggerFactory.getLogger(TripSubmissions.class);

    private final SagaCommands commands;
    private final TripQueries queries;
    private final TripsProperties properties;
    private final MeterRegistry meters;

    TripSubmissions(SagaCommands commands, TripQueries queries, TripsProperties properties, MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
        this.meters = meters;
    }

    /** The outcome of a submission: the trip's id, and whether an earlier request with the same key created it. */
    record Submission(String tripId, boolean replayed) {}

    Mono<Submission> submit(ApiClient client, String requestId, TripRequest request, @Nullable String idempotencyKey) {
        String tripId = Idempotency.idOf("trip", client, idempotencyKey);
        return commands.submit(
                        Topics.TRIP_COMMANDS,
                        SubmitTrip.of(tripId, client.id(), requestId, request),
                        requestId,
                        idempotencyKey,
                        () -> queries.find(tripId),
                        trip -> trip.clientId().equals(client.id())
                                && trip.request().equals(request),
                        properties.acceptWait())
                .map(replayed -> {
                    if (!replayed) {
                        meters.counter("itinera.trips.requested").increment();
                        log.info("accepted trip {} for client {}", tripId, client.id());
                    }
                    return new Submission(tripId, replayed);
                });
    }

    /** Asks the saga to cancel; the trip as it then stands, or empty if the change is not yet readable. */
    Mono<Optional<TripSnapshot>> cancel(ApiClient client, String requestId, String tripId) {
        return commands.publish(Topics.TRIP_COMMANDS, CancelTrip.of(tripId, client.id(), requestId), requestId)
                .then(awaitTrip(tripId, trip -> trip.status().isTerminal()));
    }

    private Mono<Optional<TripSnapshot>> awaitTrip(String tripId, Predicate<TripSnapshot> until) {
        return commands.awaitReadable(() -> queries.find(tripId).filter(until), properties.acceptWait());
    }
}
