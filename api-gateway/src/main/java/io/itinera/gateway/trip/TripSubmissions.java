package io.itinera.gateway.trip;

import io.itinera.events.Topics;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.SagaCommands;
import io.itinera.gateway.security.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands trip commands to the saga and waits briefly until their effect is readable on this replica.
 *
 * <p>An {@code Idempotency-Key} names the trip: its id is derived from the client and the key, so a retried request,
 * on any replica and after any restart, lands on the same trip, and the saga ignores the second submission.
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
        String tripId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotentId(client, idempotencyKey);
        Mono<Submission> fresh = commands.publish(
                        Topics.TRIP_COMMANDS, SubmitTrip.of(tripId, client.id(), requestId, request), requestId)
                .doOnSuccess(ignored -> {
                    meters.counter("itinera.trips.requested").increment();
                    log.info("accepted trip {} for client {}", tripId, client.id());
                })
                .then(awaitTrip(tripId, trip -> true))
                .map(trip -> {
                    // With a key, a concurrent request may have created the trip first: it must match ours.
                    trip.ifPresent(existing -> requireSameRequest(existing, request, client));
                    return new Submission(tripId, false);
                });
        if (idempotencyKey == null) {
            return fresh;
        }
        return Mono.fromCallable(() -> queries.find(tripId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> existing.isPresent()
                        ? Mono.fromSupplier(() -> {
                            requireSameRequest(existing.get(), request, client);
                            return new Submission(tripId, true);
                        })
                        : fresh);
    }

    /** Asks the saga to cancel; the trip as it then stands, or empty if the change is not yet readable. */
    Mono<Optional<TripSnapshot>> cancel(ApiClient client, String requestId, String tripId) {
        return commands.publish(Topics.TRIP_COMMANDS, CancelTrip.of(tripId, client.id(), requestId), requestId)
                .then(awaitTrip(tripId, trip -> trip.status().isTerminal()));
    }

    private Mono<Optional<TripSnapshot>> awaitTrip(String tripId, Predicate<TripSnapshot> until) {
        return commands.awaitReadable(() -> queries.find(tripId).filter(until), properties.acceptWait());
    }

    private static void requireSameRequest(TripSnapshot trip, TripRequest request, ApiClient client) {
        if (!trip.clientId().equals(client.id()) || !trip.request().equals(request)) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body; use a new key.");
        }
    }

    private static String idempotentId(ApiClient client, String key) {
        return UUID.nameUUIDFromBytes(("trip:" + client.id() + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
