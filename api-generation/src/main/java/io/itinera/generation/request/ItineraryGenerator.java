package io.itinera.generation.request;

import io.itinera.events.Failure;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.Itinerary;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.ProgressListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a generation request into its outcome. A trip that cannot be planned is a failed outcome with a reason, not an
 * exception; so is a plan that breaks the rules, which the feasibility check catches before anyone sees it.
 */
@Component
class ItineraryGenerator {

    private static final String GREEDY = "greedy";

    private static final Logger log = LoggerFactory.getLogger(ItineraryGenerator.class);

    private final ItineraryPlanner planner;
    private final ItineraryPlanner fallback;
    private final FeasibilityCheck check;

    ItineraryGenerator(ItineraryPlanner planner, GenerationProperties properties) {
        this.planner = planner;
        this.fallback = Planners.greedy(properties);
        this.check = new FeasibilityCheck(properties);
    }

    GenerationCompleted generate(GenerationRequested requested, ProgressListener progress) {
        String tripId = requested.tripId();
        PlanningContext context = requested.context();
        if (context.days().isEmpty()) {
            return GenerationCompleted.failed(
                    tripId,
                    new Failure("no-days", "The planning context has no trip days, so there is nothing to plan."));
        }
        if (context.pois().isEmpty()) {
            return GenerationCompleted.failed(
                    tripId,
                    new Failure(
                            "no-candidates",
                            "No points of interest are known for "
                                    + context.destination().name() + ", so no stop can be planned."));
        }
        Itinerary itinerary = planner.plan(requested.request(), context, progress);
        if (itinerary.days().stream().allMatch(day -> day.stops().isEmpty())) {
            return GenerationCompleted.failed(
                    tripId,
                    new Failure(
                            "no-feasible-stops",
                            "No point of interest is open and reachable on the trip's days at the chosen pace."));
        }
        List<String> violations = check.violations(itinerary, requested.request(), context);
        if (!violations.isEmpty() && !GREEDY.equals(itinerary.planner())) {
            log.error("planner {} produced an infeasible itinerary, falling back: {}", itinerary.planner(), violations);
            itinerary = fallback.plan(requested.request(), context, (day, number, total) -> {});
            violations = check.violations(itinerary, requested.request(), context);
        }
        if (!violations.isEmpty()) {
            log.error("planner {} produced an infeasible itinerary: {}", itinerary.planner(), violations);
            return GenerationCompleted.failed(
                    tripId,
                    new Failure("infeasible-plan", "The planner produced an itinerary that cannot be followed."));
        }
        return GenerationCompleted.succeeded(tripId, itinerary);
    }
}
