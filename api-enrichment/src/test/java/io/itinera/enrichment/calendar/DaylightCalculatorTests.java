package io.itinera.enrichment.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.trip.GeoPoint;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.shredzone.commons.suncalc.SunTimes;
import org.shredzone.commons.suncalc.SunTimes.Twilight;

class DaylightCalculatorTests {

    private final DaylightCalculator calculator = new DaylightCalculator();

    @Test
    void givesWhatOneSearchPerSunEventGives() {
        // given places from the equator to beyond the polar circle, and every day of a year with two DST changes
        List<Place> places = List.of(
                new Place(new GeoPoint(38.7223, -9.1393), ZoneId.of("Europe/Lisbon")),
                new Place(new GeoPoint(40.7128, -74.0060), ZoneId.of("America/New_York")),
                new Place(new GeoPoint(-33.8688, 151.2093), ZoneId.of("Australia/Sydney")),
                new Place(new GeoPoint(69.6492, 18.9553), ZoneId.of("Europe/Oslo")),
                new Place(new GeoPoint(0.3476, 32.5825), ZoneId.of("Africa/Kampala")));
        for (Place place : places) {
            for (LocalDate date = LocalDate.of(2027, 1, 1); date.getYear() == 2027; date = date.plusDays(1)) {
                // when
                Daylight daylight = calculator.on(date, place.point(), place.zone());

                // then: the same as searching for each of the four events on its own
                assertThat(daylight)
                        .as("%s on %s", place, date)
                        .isEqualTo(new Daylight(
                                alone(date, place, Twilight.CIVIL, true),
                                alone(date, place, Twilight.VISUAL, true),
                                alone(date, place, Twilight.VISUAL, false),
                                alone(date, place, Twilight.CIVIL, false)));
            }
        }
    }

    @Test
    void knowsLisbonsLongestDayAndTheArcticsPolarNight() {
        Daylight lisbon =
                calculator.on(LocalDate.of(2027, 6, 21), new GeoPoint(38.7223, -9.1393), ZoneId.of("Europe/Lisbon"));
        assertThat(lisbon.sunrise()).isBetween(LocalTime.of(6, 10), LocalTime.of(6, 15));
        assertThat(lisbon.sunset()).isBetween(LocalTime.of(21, 3), LocalTime.of(21, 8));
        assertThat(lisbon.civilDawn()).isBefore(lisbon.sunrise());
        assertThat(lisbon.civilDusk()).isAfter(lisbon.sunset());

        Daylight tromso =
                calculator.on(LocalDate.of(2027, 12, 21), new GeoPoint(69.6492, 18.9553), ZoneId.of("Europe/Oslo"));
        assertThat(tromso.sunrise()).isNull();
        assertThat(tromso.sunset()).isNull();
    }

    /** One sun event searched on its own, as the calculator did before it read both events of one search. */
    private static @Nullable LocalTime alone(LocalDate date, Place place, Twilight twilight, boolean rise) {
        SunTimes times = SunTimes.compute()
                .timezone(place.zone())
                .on(date)
                .at(place.point().lat(), place.point().lon())
                .twilight(twilight)
                .execute();
        ZonedDateTime moment = rise ? times.getRise() : times.getSet();
        if (moment == null) {
            return null;
        }
        ZonedDateTime local = moment.withZoneSameInstant(place.zone());
        return local.toLocalDate().equals(date) ? local.toLocalTime().withNano(0) : null;
    }

    private record Place(GeoPoint point, ZoneId zone) {}
}
