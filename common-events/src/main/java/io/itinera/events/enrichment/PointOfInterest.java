package io.itinera.events.enrichment;

import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.util.List;

/**
 * A candidate stop.
 *
 * @param openingHours the source opening hours in OpenStreetMap {@code opening_hours} syntax
 * @param openWindows the concrete local opening windows on each trip day (a day with no entry is closed)
 * @param priceLevel 0 free, 1 cheap, 2 moderate, 3 expensive
 * @param popularity 0 to 100
 */
public record PointOfInterest(
        String id,
        String name,
        Interest category,
        GeoPoint location,
        int visitMinutes,
        String openingHours,
        List<DayWindows> openWindows,
        boolean indoor,
        int priceLevel,
        int popularity) {}
