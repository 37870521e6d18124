package io.itinera.events.generation;

import io.itinera.events.trip.Interest;

/**
 * A candidate point of interest the itinerary does not visit, and why.
 *
 * @param score what the place would have been worth to this traveller on its best day
 * @param mustSee whether the traveller asked for it
 * @param reason in plain words, e.g. {@code closed on every day of the trip}
 */
public record LeftOutPoi(String poiId, String name, Interest category, double score, boolean mustSee, String reason) {}
