package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.LeftOutPoi;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.search.OrienteeringSearch;
import io.itinera.generation.search.SearchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The places a plan leaves out that would have scored highest, and every must-see and top place it could not place,
 * with reasons.
 */
final class LeftOutPlaces {

    static final int SHOWN = 5;

    private final TripModel model;
    private final Scoring scoring;

    LeftOutPlaces(TripModel model) {
        this.model = model;
        this.scoring = model.scoring;
    }

    List<LeftOutPoi> list(SearchResult result) {
        Set<Integer> visited = visited(result);
        record Candidate(int place, PointOfInterest poi, double score, boolean mustSee, boolean top) {}
        List<Candidate> left = new ArrayList<>();
        for (int p = 0; p < model.places.size(); p++) {
            if (!visited.contains(p)) {
                PointOfInterest poi = model.places.get(p);
                double best = 0;
                for (int d = 0; d < model.outdoorPenalty.length; d++) {
                    best = Math.max(best, scoring.onDay(poi, model.request, model.outdoorPenalty[d]));
                }
                left.add(new Candidate(
                        p,
                        poi,
                        Math.round(best * 1000) / 1000.0,
                        scoring.isMustSee(poi, model.request),
                        scoring.isTop(poi)));
            }
        }
        left.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparing(c -> c.poi().id()));
        List<Candidate> shown = new ArrayList<>(
                left.stream().filter(c -> c.mustSee() || c.top()).toList());
        left.stream().filter(c -> !c.mustSee() && !c.top()).limit(SHOWN).forEach(shown::add);
        // Reasons only for what is shown: finding them replays the place alone on every day.
        return shown.stream()
                .map(c -> new LeftOutPoi(
                        c.poi().id(),
                        c.poi().name(),
                        c.poi().category(),
                        c.score(),
                        c.mustSee(),
                        reason(c.place(), c.poi())))
                .toList();
    }

    /**
     * The top places (not must-sees) the plan leaves out although each would fit some day on its own, the most popular
     * first.
     */
    List<PointOfInterest> crowdedOutTopPlaces(SearchResult result) {
        Set<Integer> visited = visited(result);
        List<PointOfInterest> crowded = new ArrayList<>();
        for (int p = 0; p < model.places.size(); p++) {
            PointOfInterest poi = model.places.get(p);
            if (!visited.contains(p)
                    && scoring.isTop(poi)
                    && !scoring.isMustSee(poi, model.request)
                    && fitsSomeDay(nodesOf(p))) {
                crowded.add(poi);
            }
        }
        crowded.sort(
                Comparator.comparingInt(PointOfInterest::popularity).reversed().thenComparing(PointOfInterest::id));
        return crowded;
    }

    /** The places a result visits, by index. */
    Set<Integer> visited(SearchResult result) {
        Set<Integer> visited = new HashSet<>();
        for (int[] tour : result.tours()) {
            for (int node : tour) {
                if (!model.isMeal(node)) {
                    visited.add(model.placeOf[node]);
                }
            }
        }
        return visited;
    }

    private List<Integer> nodesOf(int p) {
        List<Integer> nodes = new ArrayList<>();
        for (int node = 1; node <= model.nodes; node++) {
            if (model.placeOf[node] == p) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private boolean fitsSomeDay(List<Integer> nodes) {
        for (int node : nodes) {
            for (int d = 0; d < model.wetness.length; d++) {
                if (OrienteeringSearch.fitsAlone(model.problem, node, d)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String reason(int p, PointOfInterest poi) {
        boolean openSomeDay = poi.openWindows().stream()
                .anyMatch(w -> !w.windows().isEmpty()
                        && model.context.days().stream()
                                .anyMatch(day -> day.date().equals(w.date())));
        if (!openSomeDay) {
            return "closed on every day of the trip";
        }
        List<Integer> nodes = nodesOf(p);
        if (nodes.isEmpty()) {
            return "its opening hours leave no room for a %d-minute visit within the %s day's hours%s"
                    .formatted(
                            poi.visitMinutes(),
                            model.request.pace().name().toLowerCase(Locale.ROOT),
                            poi.indoor() ? "" : " and daylight");
        }
        if (!fitsSomeDay(nodes)) {
            return "it cannot be reached, visited and left in time on any day at this pace";
        }
        if (scoring.isMustSee(poi, model.request)) {
            return "it does not fit in the opening hours together with your other must-see places";
        }
        return scoring.isTop(poi)
                ? "it does not fit in the opening hours together with your must-see places and the city's other top"
                        + " places"
                : "the days are full with places worth more to you";
    }
}
