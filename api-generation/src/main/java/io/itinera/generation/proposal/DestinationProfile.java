package io.itinera.generation.proposal;

import io.itinera.events.trip.Interest;
import java.util.List;
import java.util.Map;

/**
 * What the proposal ranking knows of a catalog destination, derived from api-enrichment's catalog by {@link
 * ProfileGenerator}.
 *
 * @param interests per interest, how many curated places the destination has and their mean popularity (0 to 100)
 * @param climate twelve months of {@code [mean daily minimum °C, mean daily maximum °C, precipitation mm, rainy days]},
 *     empty when the catalog has no normals for the destination
 * @param costLevel the mean price level of its places, 0 (free) to 3 (expensive)
 */
public record DestinationProfile(
        String id,
        String name,
        String country,
        double lat,
        double lon,
        int places,
        Map<Interest, Coverage> interests,
        List<double[]> climate,
        double costLevel) {

    /** How well the destination serves one interest. */
    public record Coverage(int places, double meanPopularity) {}
}
