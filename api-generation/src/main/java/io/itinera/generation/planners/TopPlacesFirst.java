package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Holds the search to its promise that the city's top places come first. The search's bonus makes them likely, not
 * certain; each top place it leaves out although it fits some day alone, the most popular first, gets another search:
 * the one the same request asking for it as a must-see would get (its scores and seed; the nodes are the same, so the
 * first model writes the plan). That plan is taken when it keeps every top place and must-see so far and adds this
 * one; else the place does not fit beside them, and is reported so.
 */
final class TopPlacesFirst {

    private TopPlacesFirst() {}

    /**
     * @param searchAsking runs the search of the request asking for the given places as must-sees
     */
    static SearchResult enforce(TripModel model, SearchResult first, Function<Set<String>, SearchResult> searchAsking) {
        LeftOutPlaces leftOut = new LeftOutPlaces(model);
        SearchResult best = first;
        Set<String> asked = new TreeSet<>();
        for (PointOfInterest poi : leftOut.crowdedOutTopPlaces(first)) {
            Set<String> before = firstPlaces(model, leftOut.visited(best));
            if (before.contains(poi.id())) {
                continue;
            }
            Set<String> asking = new TreeSet<>(asked);
            asking.add(poi.id());
            SearchResult retry = searchAsking.apply(asking);
            Set<String> after = firstPlaces(model, leftOut.visited(retry));
            if (after.containsAll(before) && after.contains(poi.id())) {
                best = retry;
                asked = asking;
            }
        }
        return best;
    }

    /** The request, also asking for these places as must-sees (after its own, in id order). */
    static TripRequest askingFor(TripRequest request, Set<String> ids) {
        List<String> mustSee = new ArrayList<>(request.mustSeeOrEmpty());
        ids.stream().sorted().forEach(mustSee::add);
        return new TripRequest(
                request.destination(),
                request.destinationId(),
                request.startDate(),
                request.endDate(),
                request.travelers(),
                request.interests(),
                request.pace(),
                request.budget(),
                List.copyOf(mustSee),
                request.lodging(),
                request.currency(),
                request.mode());
    }

    /** The top places and must-sees among the visited places, by id. */
    private static Set<String> firstPlaces(TripModel model, Set<Integer> visited) {
        return visited.stream()
                .map(model.places::get)
                .filter(poi -> model.scoring.isTop(poi) || model.scoring.isMustSee(poi, model.request))
                .map(PointOfInterest::id)
                .collect(Collectors.toSet());
    }
}
