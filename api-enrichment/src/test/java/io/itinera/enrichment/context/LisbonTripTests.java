package io.itinera.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The done-when checks for Lisbon on the shipped data, offline: the spring DST change (28 March 2027), Freedom
 * Day (25 April 2027), daylight against an astronomical reference, and weather and exchange rate from offline sources.
 */
class LisbonTripTests {

    /** Months before the trips, so every trip day lies beyond any forecast horizon. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static final Duration DAYLIGHT_TOLERANCE = Duration.ofMinutes(2);

    private final Catalog catalog = TestCatalogs.shipped();
    private final CatalogDestination lisbon = catalog.destination("lisbon").orElseThrow();
    private final PlanningContextBuilder builder = TestContexts.builder(NOW, TestProviders.offline());

    @Test
    void eachDayHasTheOffsetInForceAcrossTheSpringDstChange() {
        PlanningContext context = build(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));

        assertThat(context.days())
                .extracting(TripDay::date, TripDay::utcOffset)
                .containsExactly(
                        tuple(LocalDate.of(2027, 3, 27), "+00:00"),
                        tuple(LocalDate.of(2027, 3, 28), "+01:00"),
                        tuple(LocalDate.of(2027, 3, 29), "+01:00"));
    }

    /**
     * Reference times from NOAA's solar calculator equations (General Solar Position Calculations, NOAA Global
     * Monitoring Division), evaluated for the catalog's Lisbon centre (38.71667 N, 9.13333 W): sunrise and sunset at a
     * zenith of 90.833° (refraction and the sun's radius), civil twilight at 96°; local time, WEST (+01:00) from 28
     * March. NOAA states its results are good to about a minute at these latitudes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2027-03-27, 06:03, 06:30, 18:55, 19:22",
        "2027-03-28, 07:01, 07:28, 19:56, 20:23",
        "2027-03-29, 07:00, 07:27, 19:57, 20:24",
        "2027-04-24, 06:20, 06:48, 20:22, 20:50",
        "2027-04-25, 06:19, 06:47, 20:23, 20:51",
        "2027-04-26, 06:18, 06:46, 20:24, 20:52"
    })
    void daylightIsWithinTwoMinutesOfTheNoaaReference(
            LocalDate date, LocalTime dawn, LocalTime sunrise, LocalTime sunset, LocalTime dusk) {
        TripDay day = build(date, date).days().get(0);

        assertWithinTolerance(day.civilDawn(), dawn);
        assertWithinTolerance(day.sunrise(), sunrise);
        assertWithinTolerance(day.sunset(), sunset);
        assertWithinTolerance(day.civilDusk(), dusk);
    }

    @Test
    void freedomDayIsAHolidayThatClosesThePlacesClosedOnPublicHolidays() {
        // given a trip over 25 April, a Sunday and Portugal's Freedom Day
        LocalDate saturday = LocalDate.of(2027, 4, 24);
        LocalDate freedomDay = LocalDate.of(2027, 4, 25);

        // when
        PlanningContext context = build(saturday, LocalDate.of(2027, 4, 26));

        // then the day is named a holiday, and places with "PH off" have no window on it
        assertThat(context.days()).extracting(TripDay::holiday).containsExactly(null, holidayName(freedomDay), null);
        assertThat(holidayName(freedomDay)).contains("Freedom");
        PointOfInterest monastery = poi(context, "lisbon.jeronimos-monastery");
        assertThat(monastery.openingHours()).contains("PH off");
        assertThat(monastery.openWindows()).extracting(DayWindows::date).containsExactly(saturday);
        assertThat(context.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("Sunday 2027-04-25 is a public holiday (" + holidayName(freedomDay) + ")")
                        .containsPattern("\\d+ of the \\d+ places usually open that day close"))
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("Jerónimos Monastery is closed on Sunday 2027-04-25 and Monday 2027-04-26"));
    }

    @Test
    void easterSundayIsNamedOnTheDstTrip() {
        PlanningContext context = build(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));

        assertThat(context.days()).extracting(TripDay::holiday).containsExactly(null, "Easter", null);
    }

    @Test
    void weatherAndExchangeRateComeFromOfflineSourcesByDefault() {
        PlanningContext context = build(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));

        assertThat(context.days()).allSatisfy(day -> {
            assertThat(day.weather()).isNotNull();
            assertThat(day.weather().source()).isEqualTo(DayWeather.Source.CLIMATE_NORMALS);
            assertThat(day.weather().fetchedAt()).isNull();
            assertThat(day.weather().rainy()).isFalse();
        });
        assertThat(context.days().get(0).weather().maxTemperatureC()).isBetween(15.0, 22.0);
        assertThat(context.exchangeRate()).isNotNull();
        assertThat(context.exchangeRate().from()).isEqualTo("EUR");
        assertThat(context.exchangeRate().to()).isEqualTo("USD");
        assertThat(context.exchangeRate().source()).isEqualTo("ecb-offline");
        assertThat(context.exchangeRate().asOf()).isEqualTo(LocalDate.of(2024, 6, 28));
        assertThat(context.exchangeRate().fetchedAt()).isNull();
        assertThat(context.sources())
                .extracting(ContextSource::part, ContextSource::source, ContextSource::fallback)
                .containsExactly(
                        tuple("destination", "curated", false),
                        tuple("points-of-interest", "curated", false),
                        tuple("holidays", "jollyday", false),
                        tuple("daylight", "commons-suncalc", false),
                        tuple("weather", "climate-normals", false),
                        tuple("exchange-rate", "ecb-offline", false));
    }

    private String holidayName(LocalDate date) {
        return build(date, date).days().get(0).holiday();
    }

    private static void assertWithinTolerance(@Nullable LocalTime actual, LocalTime reference) {
        assertThat(actual).isNotNull();
        assertThat(Duration.between(reference, actual).abs())
                .as("%s against the reference %s", actual, reference)
                .isLessThanOrEqualTo(DAYLIGHT_TOLERANCE);
    }

    private PlanningContext build(LocalDate start, LocalDate end) {
        TripRequest request = TripRequests.lisbon()
                .dates(start, end)
                .interests(Interest.HISTORY, Interest.CULTURE)
                .currency("USD")
                .build();
        return builder.build(request, lisbon, Candidates.offline(catalog.poisOf(lisbon), "curated"), "curated");
    }

    private static PointOfInterest poi(PlanningContext context, String id) {
        return context.pois().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
