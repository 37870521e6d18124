package io.itinera.generation.planning;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.trip.TripRequest;

/**
 * How much a stop is worth to this traveller: popularity, weighed down outside their interests and above their budget,
 * with diminishing returns for another stop of the same category on one day, plus a large bonus for a must-see.
 */
public final class Scoring {

    private final GenerationProperties.Weights weights;

    public Scoring(GenerationProperties.Weights weights) {
        this.weights = weights;
    }

    /**
     * @param sameCategoryEarlier how many stops of the same category the day already has
     */
    /**
     * What the place is worth on a day of the given wetness, before any repetition: an outdoor place loses value on a wet
     * day; the must-see bonus stays whole.
     */
    public double onDay(PointOfInterest poi, TripRequest request, double wetness) {
        double value = interestValue(poi, request);
        if (!poi.indoor()) {
            value *= 1 - (1 - weights.wetOutdoorFactor()) * wetness;
        }
        return isMustSee(poi, request) ? value + weights.mustSeeBonus() : value;
    }

    public boolean isMustSee(PointOfInterest poi, TripRequest request) {
        return request.mustSeeOrEmpty().contains(poi.id());
    }

    public double repeatedCategoryFactor() {
        return weights.repeatedCategoryFactor();
    }

    private double interestValue(PointOfInterest poi, TripRequest request) {
        double score = poi.popularity() / 100.0;
        if (!request.interests().contains(poi.category())) {
            score *= weights.offInterestFactor();
        }
        if (poi.priceLevel() > request.budget().maxPriceLevel()) {
            score *= weights.overBudgetFactor();
        }
        return score;
    }

    public double score(PointOfInterest poi, TripRequest request, int sameCategoryEarlier) {
        double score = poi.popularity() / 100.0;
        if (!request.interests().contains(poi.category())) {
            score *= weights.offInterestFactor();
        }
        if (poi.priceLevel() > request.budget().maxPriceLevel()) {
            score *= weights.overBudgetFactor();
        }
        score *= Math.pow(weights.repeatedCategoryFactor(), sameCategoryEarlier);
        if (request.mustSeeOrEmpty().contains(poi.id())) {
            score += weights.mustSeeBonus();
        }
        return score;
    }
}
