package io.itinera.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Day-level facts and warnings on the shipped data: early sunsets, regional holidays, unknown currencies. */
class DayWarningsTests {

    private final Catalog catalog = TestCatalogs.shipped();
    private final PlanningContextBuilder builder = TestContexts.builder(
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC), TestProviders.offline());

    @Test
    void warnsAboutSunsetsBeforeFiveInAnAmsterdamDecember() {
        PlanningContext context = build("amsterdam", LocalDate.of(2027, 12, 13), LocalDate.of(2027, 12, 14), null);

        assertThat(context.days()).allSatisfy(day -> assertThat(day.sunset()).isBefore(LocalTime.of(17, 0)));
        assertThat(context.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("The sun sets before 17:00 on Monday 2027-12-13 (16:")
                        .endsWith(": plan outdoor visits early"));
    }

    @Test
    void knowsLisbonsOwnHolidayButNotPortos() {
        LocalDate saintAnthony = LocalDate.of(2027, 6, 13);

        assertThat(build("lisbon", saintAnthony, saintAnthony, null).days())
                .extracting(TripDay::holiday)
                .doesNotContainNull();
        assertThat(build("porto", saintAnthony, saintAnthony, null).days())
                .extracting(TripDay::holiday)
                .containsOnlyNulls();
    }

    @Test
    void noRateWithoutATravellerCurrencyAndNoneForACurrencyTheEcbDoesNotQuote() {
        assertThat(build("lisbon", LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 10), null)
                        .exchangeRate())
                .isNull();

        PlanningContext context = build("lisbon", LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 10), "XOF");

        assertThat(context.exchangeRate()).isNull();
        assertThat(context.sources())
                .filteredOn(source -> source.part().equals("exchange-rate"))
                .singleElement()
                .satisfies(source -> assertThat(source.reason()).isEqualTo("XOF has no ECB reference rate"));
    }

    @Test
    void crossesRatesThroughTheEuroOffline() {
        PlanningContext context = build("london", LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 10), "usd");

        assertThat(context.exchangeRate()).isNotNull();
        assertThat(context.exchangeRate().from()).isEqualTo("GBP");
        assertThat(context.exchangeRate().to()).isEqualTo("USD");
        assertThat(context.exchangeRate().rate()).isBetween(1.1, 1.4);
    }

    private PlanningContext build(String id, LocalDate start, LocalDate end, @Nullable String currency) {
        CatalogDestination destination = catalog.destination(id).orElseThrow();
        TripRequest request = TripRequests.to(destination.name())
                .dates(start, end)
                .travelers(1)
                .interests(Interest.ART)
                .pace(Pace.RELAXED)
                .budget(Budget.LOW)
                .currency(currency)
                .build();
        return builder.build(
                request, destination, Candidates.offline(catalog.poisOf(destination), "curated"), "curated");
    }
}
