package io.itinera.enrichment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.events.trip.GeoPoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicHolidaysTests {

    private static final CatalogDestination NEW_YORK = new CatalogDestination(
            "new-york",
            "New York",
            "New York",
            List.of("NYC"),
            "US",
            new GeoPoint(40.71427, -74.00597),
            8804190,
            ZoneId.of("America/New_York"),
            Currency.getInstance("USD"));

    private final PublicHolidays holidays = new PublicHolidays();

    @Test
    void aSundayIndependenceDayIsObservedOnTheMonday() {
        Holidays july = holidays.between(NEW_YORK, LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 6));

        assertThat(july.names())
                .isEqualTo(Map.of(
                        LocalDate.of(2027, 7, 4), "Independence Day",
                        LocalDate.of(2027, 7, 5), "Independence Day (observed)"));
    }

    @Test
    void nextYearsNewYearsDayOnASaturdayIsObservedOnTheFridayBefore() {
        Holidays newYear = holidays.between(NEW_YORK, LocalDate.of(2027, 12, 30), LocalDate.of(2027, 12, 31));

        assertThat(newYear.on(LocalDate.of(2027, 12, 31))).hasValue("New Year's Day (observed)");
    }
}
