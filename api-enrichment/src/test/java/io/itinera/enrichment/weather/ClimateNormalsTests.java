package io.itinera.enrichment.weather;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.events.trip.GeoPoint;
import java.time.Month;
import org.junit.jupiter.api.Test;

class ClimateNormalsTests {

    private final ClimateNormals normals = ClimateNormals.shipped();

    @Test
    void everyCuratedDestinationHasNormalsNearby() {
        for (CatalogDestination destination : TestCatalogs.shipped().destinations()) {
            assertThat(normals.near(destination.centre())).as(destination.id()).isPresent();
        }
    }

    @Test
    void findsTheNearestCityWithinFiftyKilometres() {
        assertThat(normals.near(new GeoPoint(38.75, -9.2)))
                .get()
                .extracting(ClimateNormals.City::name)
                .isEqualTo("Lisbon");
        assertThat(normals.near(new GeoPoint(-33.87, 151.21))).isEmpty();
    }

    @Test
    void summersAreWarmerThanWintersInTheNorth() {
        ClimateNormals.City paris = normals.near(new GeoPoint(48.85, 2.35)).orElseThrow();

        assertThat(paris.in(Month.JULY).maxC())
                .isGreaterThan(paris.in(Month.JANUARY).maxC() + 10);
    }
}
