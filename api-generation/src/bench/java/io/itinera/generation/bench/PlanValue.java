package io.itinera.generation.bench;

import java.util.Objects;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.planning.WeatherOutlook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One yardstick for any plan, whichever planner made it: per day and category the best stop counts fully and each
 * further one {@code repeated-category-factor} times less, outdoor places lose value on wet, cold or hot days,
 * must-sees and the city's top places add their bonus. Used to compare planners fairly.
 */
public final class PlanValue {

    private final Scoring scoring;

    public PlanValue(GenerationProperties properties) {
        this.scoring = new Scoring(properties.weights());
    }

    public double of(Itinerary itinerary, TripRequest request, PlanningContext context) {
        Map<String, PointOfInterest> pois = context.pois().stream()
                .collect(Collectors.toMap(PointOfInterest::id, Function.identity(), (a, b) -> a));
        Scoring trip = scoring.forTrip(context.pois(), context.days().size());
        double total = 0;
        for (int d = 0; d < itinerary.days().size(); d++) {
            ItineraryDay day = itinerary.days().get(d);
            double outdoorPenalty = WeatherOutlook.outdoorPenalty(context.days().get(d));
            Map<Interest, List<Double>> byCategory = new EnumMap<>(Interest.class);
            for (Stop stop : day.stops()) {
                PointOfInterest poi = Objects.requireNonNull(pois.get(stop.poiId()), stop.poiId());
                byCategory
                        .computeIfAbsent(poi.category(), c -> new ArrayList<>())
                        .add(trip.onDay(poi, request, outdoorPenalty));
            }
            for (List<Double> values : byCategory.values()) {
                values.sort(Comparator.reverseOrder());
                double factor = 1;
                for (double value : values) {
                    total += value * factor;
                    factor *= trip.repeatedCategoryFactor();
                }
            }
        }
        return total;
    }
}
