package io.itinera.gateway.trip;

import io.itinera.events.Topics;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.EraseTrip;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.state.Idempotency;
import io.itinera.gateway.state.SagaCommands;
import io.itinera.gateway.state.TripWatch;
import io.itinera.gateway.system.Correlation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands trip commands to the saga. A trip without an {@code Idempotency-Key} is accepted once the broker has the
 * command: the saga is not waited for, and this replica answers the trip {@code PENDING} until its snapshot arrives. With
 * a key (which names the trip, see {@link Idempotency}) the saga is the judge: the answer waits for the trip's snapshot
 * and replays it, refuses a different request, or asks to retry when the verdict is not in yet.
 */
@Component
class TripSubmissions {

    private static final Logger log = LoggerFactory.getLogger(TripSubmissions.class);

    private final SagaCommands commands;
    private final TripQueries queries;
    private final AcceptedTrips accepted;
    private final TripAdmission admission;
    private final TripWatch watch;
    private final TripsProperties properties;
    private final Counter requested;

    TripSubmissions(
            SagaCommands commands,
            TripQueries queries,
            AcceptedTrips accepted,
            TripAdmission admission,
            TripWatch watch,
            TripsProperties properties,
            MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.accepted = accepted;
        this.admission = admission;
        this.watch = watch;
        this.properties = properties;
        this.requested = meters.counter("itinera.trips.requested");
    }

    /** The outcome of a submission: the trip's id, and whether an earlier request with the same key created it. */
    record Submission(String tripId, boolean replayed) {}

    Mono<Submission> submit(
            ApiClient client, Correlation correlation, TripRequest request, @Nullable String idempotencyKey) {
        String tripId = Idempotency.idOf("trip", client, idempotencyKey);
        SubmitTrip command = SubmitTrip.of(tripId, client.id(), correlation.requestId(), request);
        if (idempotencyKey == null) {
            return Mono.fromRunnable(() -> admission.admit(command, true))
                    .then(sent(command, correlation))
                    .thenReturn(command)
                    // map, not handle: a handle would restore every thread local Reactor knows (the request id, the
                    // security context, the observation and its span's scope) around each answer, about 5 % of the
                    // accept path's CPU (performance.md, session 8), for a DEBUG line that names its request itself
                    .map(this::accepted);
        }
        // A retry of an earlier request answers from its trip, whatever the backlog (AdmissionFilter lets keyed trip
        // requests through for this); a key with no trip yet is admitted or refused like any new trip.
        return Mono.fromCallable(() -> queries.find(tripId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> {
                    if (existing.isPresent()) {
                        return Mono.just(verdict(existing.get(), command));
                    }
                    if (accepted.inFlight(tripId)) {
                        // A retry of a request this replica admitted and sent (its first answer a 409): only its
                        // verdict is missing, so wait for it again rather than refuse what was admitted already.
                        return verdictWithin(tripId, command);
                    }
                    return Mono.fromRunnable(() -> admission.admit(command, false))
                            .then(sent(command, correlation))
                            .then(verdictWithin(tripId, command));
                });
    }

    /** The saga's verdict on a keyed request once its trip is readable, or {@code 409} if not within the wait. */
    private Mono<Submission> verdictWithin(String tripId, SubmitTrip command) {
        return watch.await(tripId, () -> queries.find(tripId), properties.acceptWait())
                .map(created -> verdict(created.orElseThrow(() -> inFlight(tripId)), command));
    }

    /** Sends an admitted trip's command; a trip whose command the broker did not take no longer counts as accepted. */
    private Mono<Void> sent(SubmitTrip command, Correlation correlation) {
        return commands.send(Topics.TRIP_COMMANDS, command, correlation)
                .doOnError(failure -> accepted.notAccepted(command.tripId()));
    }

    /** Asks the saga to cancel; the trip as it then stands, or empty if the change is not yet readable. */
    Mono<Optional<TripSnapshot>> cancel(ApiClient client, Correlation correlation, String tripId) {
        return commands.publish(
                        Topics.TRIP_COMMANDS, CancelTrip.of(tripId, client.id(), correlation.requestId()), correlation)
                .then(watch.await(
                        tripId,
                        () -> queries.find(tripId).filter(trip -> trip.status().isTerminal()),
                        properties.acceptWait()));
    }

    /**
     * Asks the saga to erase a finished trip; whether it is gone from this replica's read model within the wait (it is
     * durable either way).
     */
    Mono<Boolean> erase(ApiClient client, Correlation correlation, String tripId) {
        accepted.notAccepted(tripId);
        return commands.publish(
                        Topics.TRIP_COMMANDS, EraseTrip.of(tripId, client.id(), correlation.requestId()), correlation)
                .then(watch.await(
                        tripId,
                        () -> queries.find(tripId).isPresent() ? Optional.<Boolean>empty() : Optional.of(true),
                        properties.acceptWait()))
                .map(Optional::isPresent);
    }

    private Submission accepted(SubmitTrip command) {
        requested.increment();
        // DEBUG: at INFO this line was the accept path's costliest own work (a synchronous appender on the producer's
        // single network thread, which completes every send); the saga logs each new trip with its client at INFO.
        log.debug(
                "accepted trip {} for client {} (request {})",
                command.tripId(),
                command.clientId(),
                command.requestId());
        return new Submission(command.tripId(), false);
    }

    /**
     * The saga's verdict on a request with a key, from the trip it named: created by our command (accepted), by an
     * earlier equal request (replayed), or by a different request (422).
     */
    private Submission verdict(TripSnapshot trip, SubmitTrip ours) {
        Idempotency.requireSameRequest(
                trip.clientId().equals(ours.clientId()) && trip.request().equals(ours.request()));
        if (createdBy(trip, ours)) {
            return accepted(ours);
        }
        return new Submission(trip.tripId(), true);
    }

    /**
     * Whether our command created the trip: the saga records the {@code SubmitTrip} that created it and ignores any
     * later one. A trip created before that was recorded is told by its first history entry, which carries the
     * creating command's time.
     */
    private static boolean createdBy(TripSnapshot trip, SubmitTrip command) {
        String accepted = trip.acceptedSubmissionId();
        if (accepted != null) {
            return accepted.equals(command.eventId().toString());
        }
        return !trip.history().isEmpty() && trip.history().get(0).occurredAt().equals(command.occurredAt());
    }

    private static Problem inFlight(String tripId) {
        log.info("trip {}: no verdict on its idempotent request within the wait; asking the client to retry", tripId);
        return new Problem(
                        HttpStatus.CONFLICT,
                        "idempotency-request-in-flight",
                        "Request in flight",
                        "A request with this Idempotency-Key is still being processed; retry after the time in"
                                + " Retry-After to learn its outcome.")
                .withHeader("Retry-After", "1");
    }
}
