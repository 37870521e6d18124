package io.itinera.gateway.saga;

import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trip metrics seen from the saga: trips finished by outcome, end-to-end latency, and the latency of each stage as the
 * gateway sees it (queueing included), which is what a client waits for; proposals finished and timed out.
 */
@Component
public class SagaMetrics {

    static final String TRIPS_COMPLETED = "itinera.trips.completed";
    static final String TRIP_LATENCY = "itinera.trip.latency";
    static final String STAGE_LATENCY = "itinera.trip.stage.latency";
    static final String PROPOSALS_COMPLETED = "itinera.proposals.completed";
    static final String PROPOSALS_TIMED_OUT = "itinera.proposals.timed.out";
    static final String PROPOSALS_OVERDUE = "itinera.proposals.overdue";
    static final String TRIPS_TIMED_OUT = "itinera.trips.timed.out";
    static final String TRIPS_OVERDUE = "itinera.trips.overdue";
    static final String TRIPS_ERASED = "itinera.trips.erased";
    static final String REQUESTS_RESENT = "itinera.saga.requests.resent";

    private static final Logger log = LoggerFactory.getLogger(SagaMetrics.class);

    private final MeterRegistry registry;

    private final OpenDeadlines openTrips = new OpenDeadlines(Clock.systemUTC());
    private final OpenDeadlines openProposals = new OpenDeadlines(Clock.systemUTC());

    public SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(TRIPS_OVERDUE, openTrips, OpenDeadlines::overdueSeconds)
                .description(
                        "How long ago the earliest deadline of an open trip passed; grows while trips are stranded")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(PROPOSALS_OVERDUE, openProposals, OpenDeadlines::overdueSeconds)
                .description("How long ago the earliest deadline of an open proposal passed; grows while proposals are"
                        + " stranded")
                .baseUnit("seconds")
                .register(registry);
        for (String saga : new String[] {"trip", "proposal"}) {
            resent(saga); // exported from the start, at 0, so that an increase over it is defined
        }
        for (Erasure reason : Erasure.values()) {
            erased(reason); // every reason exported from the start, at 0, so that a rate over it is defined
        }
    }

    /** A request the saga sent again because its worker had not answered (a trip's or a proposal's). */
    void requestResent(String saga) {
        resent(saga).increment();
    }

    private Counter resent(String saga) {
        return Counter.builder(REQUESTS_RESENT)
                .description("Requests the saga sent again because no worker had answered them in time")
                .tag("saga", saga)
                .register(registry);
    }

    /** A trip erased by the saga, by its owner or at the end of its retention. */
    void tripErased(Erasure reason) {
        erased(reason).increment();
    }

    private Counter erased(Erasure reason) {
        return Counter.builder(TRIPS_ERASED)
                .description("Trips erased by the saga: by their owner (DELETE) or when their retention ended")
                .tag("reason", reason.tag())
                .register(registry);
    }

    /** Where the trip saga's tasks on this replica report their earliest open deadline. */
    OpenDeadlines openTrips() {
        return openTrips;
    }

    /** Where the proposal saga's tasks on this replica report their earliest open deadline. */
    OpenDeadlines openProposals() {
        return openProposals;
    }

    void transition(@Nullable TripWorkingState before, TripWorkingState after) {
        TripStatus from = before == null ? null : before.status();
        if (from == after.status()) {
            return;
        }
        boolean timedOut = from != null
                && after.failure() != null
                && StatusDeadlines.STAGE_TIMEOUT.equals(after.failure().code());
        // one line per transition: a timed-out trip's FAILED is the warning, not an info line and a warning
        if (from == null) {
            log.info("trip {}: new -> {} for client {}", after.tripId(), after.status(), after.clientId());
        } else if (timedOut) {
            log.warn("trip {} timed out in {}: {} -> {}", after.tripId(), from, from, after.status());
        } else {
            log.info("trip {}: {} -> {}", after.tripId(), from, after.status());
        }
        if (after.status() == TripStatus.GENERATING) {
            stageTimer("enrichment", "succeeded").record(Duration.between(after.createdAt(), after.updatedAt()));
        }
        if (timedOut && from != null) {
            Counter.builder(TRIPS_TIMED_OUT)
                    .description("Trips failed by the saga because a stage ran past its deadline")
                    .tag("stage", from.name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
        if (after.status().isTerminal()) {
            String outcome = after.status().name().toLowerCase(Locale.ROOT);
            Counter.builder(TRIPS_COMPLETED)
                    .description("Trips that reached a terminal status")
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment();
            Timer.builder(TRIP_LATENCY)
                    .description("From acceptance to a terminal status")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.between(after.createdAt(), after.updatedAt()));
            boolean inGeneration = from == TripStatus.GENERATING;
            Instant stageStart = inGeneration ? generationStart(after) : after.createdAt();
            String result = switch (after.status()) {
                case READY -> "succeeded";
                case CANCELLED -> "cancelled";
                default -> "failed";
            };
            stageTimer(inGeneration ? "generation" : "enrichment", result)
                    .record(Duration.between(stageStart, after.updatedAt()));
        }
    }

    void proposalTransition(@Nullable ProposalSnapshot before, ProposalSnapshot after) {
        if (before != null
                && before.status() != after.status()
                && after.failure() != null
                && StatusDeadlines.STAGE_TIMEOUT.equals(after.failure().code())) {
            log.warn(
                    "proposal {} timed out in {}: {} -> {}",
                    after.proposalId(),
                    before.status(),
                    before.status(),
                    after.status());
            Counter.builder(PROPOSALS_TIMED_OUT)
                    .description("Proposals failed by the saga because a stage ran past its deadline")
                    .tag("stage", before.status().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
        if ((before == null || before.status() != after.status())
                && after.status().isTerminal()) {
            Counter.builder(PROPOSALS_COMPLETED)
                    .description("Proposal requests that reached a terminal status")
                    .tag("outcome", after.status().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    private static Instant generationStart(TripWorkingState trip) {
        return trip.history().stream()
                .filter(e -> e.status() == TripStatus.GENERATING)
                .map(ProgressEntry::occurredAt)
                .findFirst()
                .orElse(trip.createdAt());
    }

    private Timer stageTimer(String stage, String outcome) {
        return Timer.builder(STAGE_LATENCY)
                .description("Time a trip spent in one stage, queueing included")
                .tag("stage", stage)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
