package io.itinera.generation.feasibility;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.TravelTimes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an itinerary against its request and planning context, independently of how it was planned, and lists every
 * broken rule in plain words: an empty list means the plan can be followed as written.
 */
public final class FeasibilityCheck {

    private final TravelTimes travel;
    private final MealRule mealRule;

    public FeasibilityCheck(GenerationProperties properties) {
        this.travel = new TravelTimes(properties.travel());
        this.mealRule = new MealRule(properties.lunch(), properties.dinner());
    }

    public List<String> violations(Itinerary itinerary, TripRequest request, PlanningContext context) {
        List<String> violations = new ArrayList<>();
        if (itinerary.days().size() != context.days().size()) {
            violations.add("the itinerary has %d days but the trip has %d"
                    .formatted(itinerary.days().size(), context.days().size()));
        }
        Map<String, PointOfInterest> pois = new LinkedHashMap<>();
        context.pois().forEach(poi -> pois.putIfAbsent(poi.id(), poi));
        GeoPoint home = request.lodging() != null
                ? request.lodging()
                : context.destination().centre();
        Places places = new Places(home, pois);
        Set<String> visited = new HashSet<>();
        for (int i = 0; i < Math.min(itinerary.days().size(), context.days().size()); i++) {
            ItineraryDay day = itinerary.days().get(i);
            new DayCheck(day, context.days().get(i), request, places, visited, violations::add).run(travel, mealRule);
        }
        double sum = itinerary.days().stream().mapToDouble(ItineraryDay::score).sum();
        if (Math.abs(sum - itinerary.totalScore()) > 0.01) {
            violations.add("the total score %.3f is not the sum of the day scores %.3f"
                    .formatted(itinerary.totalScore(), sum));
        }
        return violations;
    }
}
