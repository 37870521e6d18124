package io.itinera.generation.planners;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.ProgressListener;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.planning.TravelTimes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans each day in turn by repeatedly taking the feasible stop with the best score per minute spent (travel, waiting
 * and visit), ties broken by id. Correct rather than clever: feasible by construction and deterministic.
 */
class GreedyPlanner implements ItineraryPlanner {

    static final String NAME = "greedy";

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::perMinute)
            .reversed()
            .thenComparing(candidate -> candidate.move().poi().id())
            .thenComparing(candidate -> candidate.move().option());

    private final GenerationProperties properties;
    private final TravelTimes travel;
    private final Scoring scoring;

    GreedyPlanner(GenerationProperties properties) {
        this.properties = properties;
        this.travel = new TravelTimes(properties.travel());
        this.scoring = new Scoring(properties.weights());
    }

    @Override
    public Itinerary plan(TripRequest request, PlanningContext context, ProgressListener progress) {
        GeoPoint home = request.lodging() != null
                ? request.lodging()
                : context.destination().centre();
        List<PointOfInterest> remaining = new ArrayList<>(context.pois().stream()
                .filter(poi -> poi.visitMinutes() > 0)
                .sorted(Comparator.comparing(PointOfInterest::id))
                .toList());
        Scoring trip = scoring.forTrip(context.pois(), context.days().size());
        List<ItineraryDay> days = new ArrayList<>();
        for (TripDay day : context.days()) {
            ItineraryDay planned = planDay(day, request, trip, home, remaining);
            days.add(planned);
            progress.dayPlanned(planned, days.size(), context.days().size());
        }
        double total = days.stream().mapToDouble(ItineraryDay::score).sum();
        return new Itinerary(NAME, Math.round(total * 1000) / 1000.0, List.copyOf(days), null);
    }

    /** Plans one day, removing the points of interest it visits from {@code remaining}. */
    private ItineraryDay planDay(
            TripDay day, TripRequest request, Scoring trip, GeoPoint home, List<PointOfInterest> remaining) {
        DayTour tour = new DayTour(
                day,
                request,
                home,
                travel,
                properties.lunch(),
                properties.dinner().earliestMinute());
        Set<String> visited = new HashSet<>();
        Optional<Candidate> best = bestNext(tour, request, trip, remaining, visited);
        while (best.isPresent()) {
            tour.take(best.get().move(), best.get().score());
            visited.add(best.get().move().poi().id());
            best = bestNext(tour, request, trip, remaining, visited);
        }
        String whyEmpty = whyNothingFits(day, remaining);
        remaining.removeIf(poi -> visited.contains(poi.id()));
        return tour.finish(whyEmpty);
    }

    private Optional<Candidate> bestNext(
            DayTour tour, TripRequest request, Scoring trip, List<PointOfInterest> remaining, Set<String> visited) {
        return remaining.stream()
                .filter(poi -> !visited.contains(poi.id()))
                .flatMap(poi -> {
                    double score = trip.score(poi, request, tour.stopsOfCategory(poi.category()));
                    return tour.movesTo(poi).stream().map(move -> new Candidate(move, score));
                })
                .min(BEST_FIRST);
    }

    private static String whyNothingFits(TripDay day, List<PointOfInterest> remaining) {
        if (remaining.isEmpty()) {
            return "Nothing left to visit: every place is already planned on an earlier day.";
        }
        boolean anyOpen = remaining.stream()
                .anyMatch(poi -> poi.openWindows().stream()
                        .anyMatch(windows -> windows.date().equals(day.date())
                                && !windows.windows().isEmpty()));
        return anyOpen
                ? "Nothing to visit on " + day.date() + ": no open place fits in the day's hours."
                : "Nothing to visit on " + day.date() + ": every remaining place is closed that day.";
    }

    /** A feasible move with the score its stop would add. */
    private record Candidate(Move move, double score) {

        double perMinute() {
            return score / Math.max(1, move.costMinutes());
        }
    }
}
