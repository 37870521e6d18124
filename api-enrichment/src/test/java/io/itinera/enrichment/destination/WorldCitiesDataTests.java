package io.itinera.enrichment.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped destination catalog: big enough, worldwide, with every curated destination in it. */
class WorldCitiesDataTests {

    private final Destinations destinations = TestDestinations.shipped();

    @Test
    void holdsAtLeastAThousandCitiesOnEveryInhabitedContinent() {
        assertThat(destinations.size()).isGreaterThanOrEqualTo(1000);
        Set<String> continents = destinations.all().stream()
                .map(destination -> destination.timeZone().getId().split("/")[0])
                .collect(Collectors.toSet());
        assertThat(continents).contains("Europe", "America", "Asia", "Africa", "Australia");
    }

    @Test
    void everyCuratedDestinationKeepsItsIdAndFacts() {
        for (CatalogDestination curated : TestCatalogs.shipped().destinations()) {
            CatalogDestination known = destinations.byId(curated.id()).orElseThrow();
            assertThat(known.centre()).as(curated.id()).isEqualTo(curated.centre());
            assertThat(destinations.isCurated(known)).isTrue();
        }
    }

    @Test
    void everyDestinationHasAPlausibleCurrencyAndZone() {
        assertThat(destinations.byId("tokyo").orElseThrow().currency().getCurrencyCode())
                .isEqualTo("JPY");
        assertThat(destinations.byId("berlin").orElseThrow().timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(destinations.all())
                .allSatisfy(destination -> assertThat(destination.population()).isPositive());
    }
}
