package io.itinera.generation.planning;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.trip.TripRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much a stop is worth to this traveller: popularity, weighed down outside their interests and above their budget,
 * with diminishing returns for another stop of the same category on one day, plus a large bonus for a must-see and a
 * smaller one for the city's top places. The top places (the most popular candidates, {@code topPlacesPerDay} per trip
 * day, whatever their category) keep their whole value outside the traveller's interests: interests shape the rest of
 * the plan, they do not drop the Louvre from a Paris trip.
 */
public final class Scoring {

    private final GenerationProperties.Weights weights;
    private final Set<String> top;

    public Scoring(GenerationProperties.Weights weights) {
        this(weights, Set.of());
    }

    private Scoring(GenerationProperties.Weights weights, Set<String> top) {
        this.weights = weights;
        this.top = top;
    }

    /** This scoring for one trip over these candidates: knows which of them are the city's top places. */
    public Scoring forTrip(List<PointOfInterest> candidates, int days) {
        return new Scoring(weights, topPlaces(candidates, days));
    }

    /** The ids of the most popular candidates worth a visit, ties by id, {@code topPlacesPerDay} per day. */
    private Set<String> topPlaces(List<PointOfInterest> candidates, int days) {
        Map<String, PointOfInterest> unique = new LinkedHashMap<>();
        candidates.stream().filter(poi -> poi.visitMinutes() > 0).forEach(poi -> unique.putIfAbsent(poi.id(), poi));
        return unique.values().stream()
                .sorted(Comparator.comparingInt(PointOfInterest::popularity)
                        .reversed()
                        .thenComparing(PointOfInterest::id))
                .limit((long) weights.topPlacesPerDay() * days)
                .map(PointOfInterest::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isTop(PointOfInterest poi) {
        return top.contains(poi.id());
    }

    /**
     * What the place is worth on a day, before any repetition: an outdoor place loses value by the day's outdoor penalty
     * (rain, cold, heat: {@link WeatherOutlook#outdoorPenalty}); the must-see and top-place bonuses stay whole.
     */
    public double onDay(PointOfInterest poi, TripRequest request, double outdoorPenalty) {
        double value = interestValue(poi, request);
        if (!poi.indoor()) {
            value *= 1 - (1 - weights.wetOutdoorFactor()) * outdoorPenalty;
        }
        return value + bonus(poi, request);
    }

    public boolean isMustSee(PointOfInterest poi, TripRequest request) {
        return request.mustSeeOrEmpty().contains(poi.id());
    }

    public double repeatedCategoryFactor() {
        return weights.repeatedCategoryFactor();
    }

    /**
     * @param sameCategoryEarlier how many stops of the same category the day already has
     */
    public double score(PointOfInterest poi, TripRequest request, int sameCategoryEarlier) {
        return interestValue(poi, request) * Math.pow(weights.repeatedCategoryFactor(), sameCategoryEarlier)
                + bonus(poi, request);
    }

    private double interestValue(PointOfInterest poi, TripRequest request) {
        double score = poi.popularity() / 100.0;
        if (!request.interests().contains(poi.category()) && !isTop(poi)) {
            score *= weights.offInterestFactor();
        }
        if (poi.priceLevel() > request.budget().maxPriceLevel()) {
            score *= weights.overBudgetFactor();
        }
        return score;
    }

    private double bonus(PointOfInterest poi, TripRequest request) {
        return (isMustSee(poi, request) ? weights.mustSeeBonus() : 0) + (isTop(poi) ? weights.topPlaceBonus() : 0);
    }
}
