package io.itinera.enrichment.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Checks the curated destinations' coordinates against an independent source shipped here, the GeoNames world cities
 * (as GeoNames published them, before the merge): each curated centre is the GeoNames point of the same city (same
 * country, a shared name), except Rome's, moved on purpose to the historic centre (docs/data-sources.md).
 */
class CuratedCentresCheckTests {

    private static final double ROME_MOVED_KM = 2.37;

    @Test
    void everyCuratedCentreIsWhereGeoNamesPutsTheCity() {
        List<CatalogDestination> geoNames = WorldCitiesLoader.load(
                new DefaultResourceLoader().getResource("classpath:destinations/world-cities.tsv.gz"));

        for (CatalogDestination curated : TestCatalogs.shipped().destinations()) {
            CatalogDestination city = geoNames.stream()
                    .filter(candidate ->
                            candidate.country().equals(curated.country()) && sharesAName(candidate, curated))
                    .min(Comparator.comparingDouble(
                            candidate -> candidate.centre().metresTo(curated.centre())))
                    .orElseThrow(() -> new AssertionError("no GeoNames city for " + curated.id()));
            double km = city.centre().metresTo(curated.centre()) / 1000;

            assertThat(km).as(curated.id()).isCloseTo(curated.id().equals("rome") ? ROME_MOVED_KM : 0, within(0.1));
        }
    }

    private static boolean sharesAName(CatalogDestination city, CatalogDestination curated) {
        Set<String> names = new HashSet<>(city.alternateNames());
        names.add(city.name());
        names.add(city.asciiName());
        return names.contains(curated.name())
                || names.contains(curated.asciiName())
                || curated.alternateNames().stream().anyMatch(names::contains);
    }
}
