package io.itinera.gateway.trip;

import io.itinera.events.trip.SubmitTrip;
import io.itinera.gateway.limit.ClientLimitsProperties;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.TripIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Admits a trip only while the suite can finish what it has accepted within {@code gateway.admission.target}, less
 * the {@code margin} a trip spends outside the backlog: the backlog (open trips across the cluster plus those this
 * replica is accepting) over the rate the suite can finish trips (the best finishing rate sustained lately,
 * {@link TripIndex#finishingCapacity()}, floored by {@code min-rate}), which a worker's restart of a few seconds does
 * not collapse. Beyond it, {@code 503 /problems/overloaded} with a {@code Retry-After} of the excess backlog's time,
 * so that clients come back when there is room instead of queueing behind hours of work. Then each client may
 * have at most {@code gateway.limits.*.open-trips} trips unfinished across the cluster: those the read model's index
 * knows plus those this replica accepted and the index does not show yet, checked and counted in one step, so that a
 * burst on one replica cannot pass the cap (a burst spread over N replicas can, by what the other replicas accepted in
 * the moments before the saga folded it). Beyond it, {@code 429 /problems/too-many-open-trips}, so that one client
 * cannot fill the backlog everyone shares.
 */
@Component
class TripAdmission {

    static final String REJECTED = "itinera.admission.rejected";
    static final String BACKLOG_TRIPS = "itinera.backlog.trips";
    static final String BACKLOG_SECONDS = "itinera.backlog.seconds";

    private static final Logger log = LoggerFactory.getLogger(TripAdmission.class);

    private final TripIndex index;
    private final AcceptedTrips accepted;
    private final AdmissionProperties properties;
    private final ClientLimitsProperties limits;
    private final Counter rejected;

    TripAdmission(
            TripIndex index,
            AcceptedTrips accepted,
            AdmissionProperties properties,
            ClientLimitsProperties limits,
            MeterRegistry meters) {
        this.index = index;
        this.accepted = accepted;
        this.properties = properties;
        this.limits = limits;
        this.rejected = Counter.builder(REJECTED)
                .description("Trip requests refused because the backlog exceeded the admission target")
                .register(meters);
        Gauge.builder(BACKLOG_TRIPS, this, TripAdmission::backlogTrips)
                .description("Trips accepted and not finished: open across the cluster plus this replica's in flight")
                .register(meters);
        Gauge.builder(BACKLOG_SECONDS, this, TripAdmission::backlogSeconds)
                .description("The backlog in seconds of work at the rate the suite can finish trips")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * Admits a trip about to be sent, counting it among this replica's accepted trips; throws the {@code 503} problem
     * when the backlog is beyond the target, the {@code 429} one when the client has its cap of open trips.
     *
     * @param served whether this replica answers the trip from a placeholder until its snapshot arrives (see
     *     {@link AcceptedTrips#accepting})
     */
    void admit(SubmitTrip command, boolean served) {
        Problem refused = refusal();
        if (refused != null) {
            throw refused;
        }
        String clientId = command.clientId();
        int cap = limits.enabled() ? limits.of(clientId).openTrips() : Integer.MAX_VALUE;
        if (!accepted.accepting(command, served, cap, () -> index.byClient().openOf(clientId))) {
            throw new Problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-open-trips",
                    "Too many open trips",
                    "This client may have " + cap + " trips planned at once; wait until one is READY, FAILED"
                            + " or CANCELLED.");
        }
    }

    /**
     * The {@code 503} problem to answer (and count) when the backlog is beyond the target; {@code null} when a trip may
     * be admitted or admission is off. A few arithmetic operations on counters the read model keeps: cheap enough to
     * ask before anything else is done for a request ({@link AdmissionFilter}).
     */
    @Nullable
    Problem refusal() {
        if (!properties.enabled()) {
            return null;
        }
        double rate = rate();
        double backlog = backlogTrips();
        double allowedSeconds = properties.allowedBacklogSeconds();
        if (backlog / rate <= allowedSeconds) {
            return null;
        }
        rejected.increment();
        long retryAfter = Math.max(1, (long) Math.ceil(backlog / rate - allowedSeconds));
        log.debug("refusing a trip: backlog {} trips at {}/s, retry after {} s", backlog, rate, retryAfter);
        return new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "overloaded",
                        "Overloaded",
                        "Itinera has more trips in hand than it can plan within "
                                + properties.target().toSeconds()
                                + " s; retry after the time in Retry-After.")
                .withHeader("Retry-After", Long.toString(retryAfter));
    }

    double backlogTrips() {
        return index.openTrips() + (double) accepted.count();
    }

    double backlogSeconds() {
        return backlogTrips() / rate();
    }

    private double rate() {
        return Math.max(index.finishingCapacity(), properties.minRate());
    }
}
