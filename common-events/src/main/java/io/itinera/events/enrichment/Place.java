package io.itinera.events.enrichment;

import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;

/**
 * A point of interest as a live provider gave it, before any trip: what the shared places cache keeps.
 *
 * @param openingHours OpenStreetMap {@code opening_hours} syntax, as the provider had it (or the category's default)
 * @param priceLevel 0 free, 1 cheap, 2 moderate, 3 expensive
 * @param popularity 0 to 100
 */
public record Place(
        String id,
        String name,
        Interest category,
        GeoPoint location,
        int visitMinutes,
        String openingHours,
        boolean indoor,
        int priceLevel,
        int popularity) {}
