package io.itinera.enrichment.catalog;

import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;

/**
 * A point of interest of the offline catalog, its opening hours already parsed.
 *
 * @param id unique in the catalog, e.g. {@code lisbon.jeronimos-monastery}
 * @param visitMinutes how long a typical visit takes
 * @param priceLevel 0 free, 1 cheap, 2 moderate, 3 expensive
 * @param popularity 0 to 100
 */
public record CatalogPoi(
        String id,
        String name,
        Interest category,
        GeoPoint location,
        int visitMinutes,
        OpeningHours openingHours,
        boolean indoor,
        int priceLevel,
        int popularity) {}
