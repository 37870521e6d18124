package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.TestCatalogs;
import org.springframework.core.io.DefaultResourceLoader;

/** The destinations the service ships: the curated catalog merged with the GeoNames cities, loaded once per JVM. */
public final class TestDestinations {

    private static Destinations shipped;

    private TestDestinations() {}

    public static synchronized Destinations shipped() {
        if (shipped == null) {
            shipped = new Destinations(
                    TestCatalogs.shipped().destinations(),
                    WorldCitiesLoader.load(
                            new DefaultResourceLoader().getResource("classpath:destinations/world-cities.tsv.gz")));
        }
        return shipped;
    }
}
