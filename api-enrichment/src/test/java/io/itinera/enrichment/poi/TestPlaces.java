package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.provider.Providers;
import java.time.Duration;
import java.util.Map;

/** Points of interest as the worker chooses them, with the shipped settings and no operator file. */
public final class TestPlaces {

    private TestPlaces() {}

    public static PointsOfInterest of(Catalog catalog, Providers providers) {
        return PointsOfInterest.of(
                catalog,
                Map.of(),
                providers,
                new PoiProperties(null, 5000, 60, Duration.ofDays(7), Duration.ofSeconds(30)));
    }
}
