package io.itinera.enrichment.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.trip.Interest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sanity of the catalog the service ships: loading it already proves the entries are well formed. */
class CatalogDataTests {

    private static final double MAX_KM_FROM_CENTRE = 15;
    private static final int MIN_POIS_PER_DESTINATION = 15;

    private final Catalog catalog = TestCatalogs.load(TestCatalogs.SHIPPED);

    @Test
    void holdsTheSixLaunchDestinations() {
        assertThat(catalog.destinations())
                .extracting(CatalogDestination::id)
                .contains("lisbon", "porto", "paris", "rome", "barcelona", "amsterdam");
    }

    @Test
    void everyDestinationHasEnoughPointsOfInterest() {
        for (CatalogDestination destination : catalog.destinations()) {
            assertThat(catalog.poisOf(destination))
                    .as(destination.id())
                    .hasSizeGreaterThanOrEqualTo(MIN_POIS_PER_DESTINATION);
        }
    }

    @Test
    void everyPointOfInterestLiesNearItsDestination() {
        for (CatalogDestination destination : catalog.destinations()) {
            for (CatalogPoi poi : catalog.poisOf(destination)) {
                assertThat(destination.centre().metresTo(poi.location()) / 1000)
                        .as("%s km from %s", poi.id(), destination.id())
                        .isLessThanOrEqualTo(MAX_KM_FROM_CENTRE);
            }
        }
    }

    @Test
    void everyPointOfInterestIdStartsWithItsDestination() {
        for (CatalogDestination destination : catalog.destinations()) {
            assertThat(catalog.poisOf(destination))
                    .extracting(CatalogPoi::id)
                    .allSatisfy(id -> assertThat(id).startsWith(destination.id() + "."));
        }
    }

    @Test
    void categoriesAreInterestsAndEachDestinationOffersSeveral() {
        for (CatalogDestination destination : catalog.destinations()) {
            Set<Interest> categories = EnumSet.noneOf(Interest.class);
            catalog.poisOf(destination).forEach(poi -> categories.add(poi.category()));
            assertThat(categories).as(destination.id()).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyPointOfInterestOpensOnSomeDayOfAnyWeekWithSaneWindows() {
        List<LocalDate> week =
                LocalDate.of(2027, 5, 10).datesUntil(LocalDate.of(2027, 5, 17)).toList();
        for (CatalogDestination destination : catalog.destinations()) {
            for (CatalogPoi poi : catalog.poisOf(destination)) {
                List<TimeWindow> windows = week.stream()
                        .flatMap(date -> poi.openingHours().windowsOn(date, Set.of()).stream())
                        .toList();
                assertThat(windows)
                        .as(poi.id())
                        .isNotEmpty()
                        .allSatisfy(window -> assertThat(window.open()).isBefore(window.close()));
            }
        }
    }
}
