package io.itinera.generation.planners;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.ProgressListener;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.planning.TravelTimes;
import io.itinera.generation.search.OrienteeringSearch;
import io.itinera.generation.search.SearchLimits;
import io.itinera.generation.search.SearchResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans the whole trip at once with the ruin-and-recreate metaheuristic of {@link OrienteeringSearch}: every day is a
 * tour of one team orienteering problem, so places go to the day where they fit and are worth most (open, dry, not
 * yet a third museum). The search runs a fixed number of steps from a seed derived from the request, so one request
 * always gets one plan; a time limit guards against an overloaded machine.
 */
final class SearchPlanner implements ItineraryPlanner {

    static final String NAME = "search";

    private final GenerationProperties properties;
    private final TravelTimes travel;
    private final Scoring scoring;

    SearchPlanner(GenerationProperties properties) {
        this.properties = properties;
        this.travel = new TravelTimes(properties.travel());
        this.scoring = new Scoring(properties.weights());
    }

    /**
     * The search's seed for one request: the configured seed mixed with a digest of everything the traveller asked, so
     * that a request always gets the same random choices, in any JVM, and two requests do not share theirs.
     */
    static long seedOf(TripRequest request, long configured) {
        String asked = String.join(
                "|",
                request.destination(),
                String.valueOf(request.destinationId()),
                request.startDate().toString(),
                request.endDate().toString(),
                Integer.toString(request.travelers()),
                request.interests().stream().map(Enum::name).collect(Collectors.joining(",")),
                request.pace().name(),
                request.budget().name(),
                String.join(",", request.mustSeeOrEmpty()),
                String.valueOf(request.lodging()),
                request.modeOrDefault().name());
        return configured
                ^ UUID.nameUUIDFromBytes(asked.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    /** How deep a search for a crowded-out top place may itself search again for another. */
    static final int RETRY_DEPTH = 2;

    @Override
    public Itinerary plan(TripRequest request, PlanningContext context, ProgressListener progress) {
        TripModel model = TripModel.of(request, context, properties, travel, scoring);
        int days = context.days().size();
        SearchResult result = search(
                model,
                (percent, best) -> progress.searching(percent * 90 / 100 / Math.max(1, days), best),
                RETRY_DEPTH);
        DayWriter writer = new DayWriter(model, travel, properties);
        List<ItineraryDay> planned = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            ItineraryDay day = writer.write(d, result.tours()[d], result.starts()[d]);
            planned.add(day);
            progress.dayPlanned(day, d + 1, days);
        }
        double total = planned.stream().mapToDouble(ItineraryDay::score).sum();
        return new Itinerary(
                NAME, Math.round(total * 1000) / 1000.0, List.copyOf(planned), new LeftOutPlaces(model).list(result));
    }

    /**
     * The search of a model's request, then, for each top place it crowds out, the search of the same request asking for
     * it as a must-see (which may search again, {@code depth} levels down), kept when it holds every top place and
     * must-see so far and that one ({@link TopPlacesFirst}).
     */
    private SearchResult search(TripModel model, OrienteeringSearch.Progress progress, int depth) {
        GenerationProperties.Search budget = properties.search();
        SearchLimits limits = new SearchLimits(
                budget.iterationsFor(model.nodes, model.context.days().size()),
                budget.timeLimit().toNanos(),
                seedOf(model.request, budget.seed()));
        SearchResult first = new OrienteeringSearch(model.problem).solve(limits, progress);
        if (depth == 0) {
            return first;
        }
        return TopPlacesFirst.enforce(model, first, asked -> {
            TripRequest asking = TopPlacesFirst.askingFor(model.request, asked);
            return search(
                    TripModel.of(asking, model.context, properties, travel, scoring), (percent, best) -> {}, depth - 1);
        });
    }
}
