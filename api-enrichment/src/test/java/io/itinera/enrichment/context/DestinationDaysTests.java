package io.itinera.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.calendar.DaylightCalculator;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.context.DestinationDays.DestinationDay;
import io.itinera.enrichment.hours.HoursContext;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.enrichment.hours.SunTimes;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.trip.GeoPoint;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DestinationDaysTests {

    private static final CatalogDestination LISBON = TestContexts.LISBON;
    private static final LocalDate MIDSUMMER = LocalDate.of(2027, 6, 21);
    private static final OpeningHours SUNLIT = OpeningHours.parse("Mo-Su sunrise-sunset");

    private final DestinationDays days = TestContexts.destinationDays(16);

    @Test
    void givesTheDaylightAndTheWindowsTheHoursGiveThatDay() {
        // when
        DestinationDay day = days.on(LISBON, MIDSUMMER);

        // then they are what the calculator and the hours give for that day on their own
        var light = new DaylightCalculator().on(MIDSUMMER, LISBON.centre(), LISBON.timeZone());
        SunTimes sun = SunTimes.of(light.civilDawn(), light.sunrise(), light.sunset(), light.civilDusk());
        assertThat(day.daylight()).isEqualTo(light);
        assertThat(day.windows(SUNLIT)).isEqualTo(SUNLIT.windowsOn(MIDSUMMER, HoursContext.of(Set.of(), d -> sun)));
        assertThat(day.windows(SUNLIT).get(0).open()).isBetween(LocalTime.of(6, 0), LocalTime.of(6, 30));
    }

    @Test
    void worksADayOutOnceAndItsHoursOncePerText() {
        // given the day asked for once
        DestinationDay first = days.on(LISBON, MIDSUMMER);
        List<TimeWindow> windows = first.windows(SUNLIT);

        // when asked again, with the same hours parsed again
        DestinationDay again = days.on(LISBON, MIDSUMMER);

        // then nothing is worked out again
        assertThat(again).isSameAs(first);
        assertThat(again.windows(OpeningHours.parse(SUNLIT.text()))).isSameAs(windows);
        assertThat(days.on(LISBON, MIDSUMMER.plusDays(1))).isNotSameAs(first);
    }

    @Test
    void tellsDestinationsThatShareAnIdButNotAPlaceApart() {
        // given a destination with Lisbon's id somewhere else (a catalog that moved its centre)
        CatalogDestination moved = new CatalogDestination(
                "lisbon",
                "Lisbon",
                "Lisbon",
                List.of(),
                "PT",
                new GeoPoint(60.0, -9.13333),
                517802,
                ZoneId.of("Europe/Lisbon"),
                Currency.getInstance("EUR"));

        // then each has its own daylight
        assertThat(days.on(moved, MIDSUMMER).daylight())
                .isNotEqualTo(days.on(LISBON, MIDSUMMER).daylight());
    }

    @Test
    void seesHolidaysAroundTheDayWhateverTheTrip() {
        // given hours that close the day after a public holiday (Christmas is one in Portugal)
        OpeningHours hours = OpeningHours.parse("Mo-Su 10:00-18:00; PH +1 day off");

        // then the 26th is closed and the 27th open
        assertThat(days.on(LISBON, LocalDate.of(2027, 12, 26)).windows(hours)).isEmpty();
        assertThat(days.on(LISBON, LocalDate.of(2027, 12, 27)).windows(hours))
                .containsExactly(new TimeWindow(LocalTime.of(10, 0), LocalTime.of(18, 0)));
    }

    @Test
    void answersWithoutKeepingAnythingWhenTheCacheHasNoRoom() {
        // given no room
        DestinationDays uncached = TestContexts.destinationDays(0);

        // then every answer is still right
        assertThat(uncached.on(LISBON, MIDSUMMER).windows(SUNLIT))
                .isEqualTo(days.on(LISBON, MIDSUMMER).windows(SUNLIT));
    }
}
