package io.itinera.generation.planners;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.Minutes;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.planning.TravelTimes;
import io.itinera.generation.planning.VisitWindows;
import io.itinera.generation.planning.WeatherOutlook;
import io.itinera.generation.search.SearchProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trip as a team orienteering problem with time windows, in minutes since midnight: one tour per trip day from the
 * start point, inside the pace's hours; one node per place and opening window (so that a place open twice a day can be
 * visited in either window, but only once in the trip); a visit lasts its minutes plus the pace's slack; the lunch (and,
 * on days that run late, dinner) pause is a break of each tour. Node {@code i} (from 1) maps back to its place.
 */
final class TripModel {

    static final int LUNCH = 0;
    static final int DINNER = 1;

    final TripRequest request;
    final PlanningContext context;
    final GeoPoint home;
    final List<PointOfInterest> places;
    /** The place index of each node (1..nodes); -1 for the depot and breaks. */
    final int[] placeOf;
    /** LUNCH or DINNER for break nodes, -1 otherwise. */
    final int[] mealOf;

    /** How wet each day is expected to be, for the explanations. */
    final double[] wetness;
    /** How much less an outdoor place is worth each day, for the scores. */
    final double[] outdoorPenalty;

    final SearchProblem problem;
    final int nodes;
    /** The trip's own scoring: knows the city's top places among this trip's candidates. */
    final Scoring scoring;

    final int lunchMinutes;
    final int dinnerMinutes;

    private TripModel(
            TripRequest request,
            PlanningContext context,
            GeoPoint home,
            List<PointOfInterest> places,
            int[] placeOf,
            int[] mealOf,
            double[] wetness,
            double[] outdoorPenalty,
            SearchProblem problem,
            int nodes,
            Scoring scoring,
            GenerationProperties properties) {
        this.request = request;
        this.context = context;
        this.home = home;
        this.places = places;
        this.placeOf = placeOf;
        this.mealOf = mealOf;
        this.wetness = wetness;
        this.outdoorPenalty = outdoorPenalty;
        this.problem = problem;
        this.nodes = nodes;
        this.scoring = scoring;
        this.lunchMinutes = properties.lunch().minutes();
        this.dinnerMinutes = properties.dinner().minutes();
    }

    static TripModel of(
            TripRequest request,
            PlanningContext context,
            GenerationProperties properties,
            TravelTimes travel,
            Scoring scoring) {
        GeoPoint home = request.lodging() != null
                ? request.lodging()
                : context.destination().centre();
        Map<String, PointOfInterest> unique = new LinkedHashMap<>();
        context.pois().stream()
                .filter(poi -> poi.visitMinutes() > 0)
                .sorted(Comparator.comparing(PointOfInterest::id))
                .forEach(poi -> unique.putIfAbsent(poi.id(), poi));
        List<PointOfInterest> places = List.copyOf(unique.values());
        List<TripDay> days = context.days();
        Scoring trip = scoring.forTrip(places, days.size());
        int dayStart = Minutes.ceil(request.pace().dayStart());
        int dayEnd = Minutes.of(request.pace().dayEnd());

        // windows[p][d] = the start windows of place p on day d, as {earliest, latest} pairs
        int[][][][] windows = new int[places.size()][days.size()][][];
        int[] copies = new int[places.size()];
        for (int p = 0; p < places.size(); p++) {
            PointOfInterest poi = places.get(p);
            for (int d = 0; d < days.size(); d++) {
                windows[p][d] = startWindows(poi, days.get(d), dayStart, dayEnd);
                copies[p] = Math.max(copies[p], windows[p][d].length);
            }
        }
        int nodes = Arrays.stream(copies).sum();
        GenerationProperties.MealWindow lunch = properties.lunch();
        GenerationProperties.MealWindow dinner = properties.dinner();
        int dinnerLatest = Math.min(dinner.latestMinute(), dayEnd - dinner.minutes());
        boolean withDinner = dayEnd > dinner.earliestMinute() && dinnerLatest >= dinner.earliestMinute();
        int breaks = days.size() * (withDinner ? 2 : 1);
        SearchProblem.Builder builder = SearchProblem.builder(nodes, breaks, days.size());

        int[] placeOf = new int[nodes + 1 + breaks];
        int[] mealOf = new int[nodes + 1 + breaks];
        Arrays.fill(placeOf, -1);
        Arrays.fill(mealOf, -1);
        int node = 1;
        for (int p = 0; p < places.size(); p++) {
            for (int c = 0; c < copies[p]; c++) {
                placeOf[node] = p;
                node++;
            }
        }
        TravelMode mode = request.modeOrDefault();
        // One computation per pair of locations (the start point and each place); copies of a place share its row.
        int locations = places.size() + 1;
        int[][] byLocation = new int[locations][locations];
        for (int a = 0; a < locations; a++) {
            GeoPoint from = a == 0 ? home : places.get(a - 1).location();
            for (int b = a + 1; b < locations; b++) {
                GeoPoint to = b == 0 ? home : places.get(b - 1).location();
                byLocation[a][b] = travel.minutes(from, to, mode);
                byLocation[b][a] = byLocation[a][b];
            }
        }
        int[][] minutes = new int[nodes + 1][nodes + 1];
        for (int i = 0; i <= nodes; i++) {
            int a = i == 0 ? 0 : placeOf[i] + 1;
            for (int j = 0; j <= nodes; j++) {
                int b = j == 0 ? 0 : placeOf[j] + 1;
                minutes[i][j] = a == b ? 0 : byLocation[a][b];
            }
        }
        builder.travelMatrix(minutes);

        double[] wetness = days.stream().mapToDouble(WeatherOutlook::wetness).toArray();
        double[] outdoorPenalty =
                days.stream().mapToDouble(WeatherOutlook::outdoorPenalty).toArray();
        int slack = request.pace().slackMinutes();
        int[] category = new int[nodes + 1];
        node = 1;
        for (int p = 0; p < places.size(); p++) {
            PointOfInterest poi = places.get(p);
            for (int c = 0; c < copies[p]; c++) {
                builder.service(node, poi.visitMinutes() + slack);
                builder.group(node, node - c);
                builder.category(node, poi.category().ordinal());
                category[node] = poi.category().ordinal();
                for (int d = 0; d < days.size(); d++) {
                    if (c < windows[p][d].length) {
                        int[] w = windows[p][d][c];
                        builder.window(d, node, w[0], w[1], trip.onDay(poi, request, outdoorPenalty[d]));
                    }
                }
                node++;
            }
        }
        builder.repeatFactor(trip.repeatedCategoryFactor());
        for (int d = 0; d < days.size(); d++) {
            builder.tourHours(d, dayStart, dayEnd);
            int lunchNode = builder.addBreak(d, lunch.earliestMinute(), lunch.latestMinute(), lunch.minutes());
            mealOf[lunchNode] = LUNCH;
            if (withDinner) {
                int dinnerNode = builder.addBreak(d, dinner.earliestMinute(), dinnerLatest, dinner.minutes());
                mealOf[dinnerNode] = DINNER;
            }
        }
        return new TripModel(
                request,
                context,
                home,
                places,
                placeOf,
                mealOf,
                wetness,
                outdoorPenalty,
                builder.build(),
                nodes,
                trip,
                properties);
    }

    /**
     * The windows in which a whole visit fits, as start windows {earliest, latest}, inside the pace's hours (and, for
     * an outdoor place, daylight).
     */
    private static int[][] startWindows(PointOfInterest poi, TripDay day, int dayStart, int dayEnd) {
        List<int[]> result = new ArrayList<>();
        VisitWindows.of(poi, day).forEach(window -> {
            int earliest = Math.max(Minutes.ceil(window.open()), dayStart);
            int latest = Math.min(Minutes.of(window.close()), dayEnd) - poi.visitMinutes();
            if (latest >= earliest) {
                result.add(new int[] {earliest, latest});
            }
        });
        return result.toArray(int[][]::new);
    }

    PointOfInterest placeOfNode(int node) {
        return places.get(placeOf[node]);
    }

    boolean isMeal(int node) {
        return node > nodes;
    }
}
