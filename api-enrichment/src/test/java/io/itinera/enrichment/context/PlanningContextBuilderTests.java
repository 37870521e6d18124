package io.itinera.enrichment.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningContextBuilderTests {

    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    private static final CatalogDestination LISBON = TestContexts.LISBON;
    private static final CatalogPoi MONASTERY =
            poi("lisbon.jeronimos-monastery", "Jerónimos Monastery", 95, "Tu-Su 09:30-18:00; Mo off");
    private static final CatalogPoi ALFAMA = poi("lisbon.alfama", "Alfama", 92, "24/7");
    private static final CatalogPoi FADO_MUSEUM = poi("lisbon.fado-museum", "Fado Museum", 64, "Tu-Su 10:00-18:00");
    private static final List<CatalogPoi> CANDIDATES = List.of(MONASTERY, ALFAMA, FADO_MUSEUM);

    private final PlanningContextBuilder builder =
            TestContexts.builder(Clock.fixed(NOW, ZoneOffset.UTC), TestProviders.offline());

    @Test
    void givesEachDayTheOffsetInForceAtLocalNoonAcrossTheSpringDstChange() {
        // given a trip over the night Portugal moves its clocks forward (2027-03-28)
        TripRequest request = trip(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));

        // when
        PlanningContext context = builder.build(request, LISBON, Candidates.offline(CANDIDATES, "curated"), "curated");

        // then
        assertThat(context.days())
                .extracting(TripDay::date, TripDay::utcOffset)
                .containsExactly(
                        tuple(LocalDate.of(2027, 3, 27), "+00:00"),
                        tuple(LocalDate.of(2027, 3, 28), "+01:00"),
                        tuple(LocalDate.of(2027, 3, 29), "+01:00"));
        assertThat(context.days()).allSatisfy(day -> {
            assertThat(day.sunrise()).isBefore(day.sunset());
            assertThat(day.civilDawn()).isBefore(day.sunrise());
            assertThat(day.civilDusk()).isAfter(day.sunset());
        });
    }

    @Test
    void aMuseumClosedOnMondayHasNoWindowThatDayAndEarnsAWarning() {
        // given
        TripRequest request = trip(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));

        // when
        PlanningContext context = builder.build(request, LISBON, Candidates.offline(CANDIDATES, "curated"), "curated");

        // then
        assertThat(poi(context, MONASTERY.id()).openWindows())
                .extracting(DayWindows::date)
                .containsExactly(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 28));
        assertThat(poi(context, MONASTERY.id()).openWindows().get(0).windows())
                .containsExactly(new TimeWindow(LocalTime.of(9, 30), LocalTime.of(18, 0)));
        assertThat(context.warnings())
                .contains("Jerónimos Monastery is closed on Monday 2027-03-29")
                .contains(
                        "Sunday 2027-03-28 is a public holiday (Easter); the candidate places keep their usual hours");
    }

    @Test
    void lessPopularPlacesClosedOnATripDayEarnNoWarning() {
        PlanningContext context = builder.build(
                trip(LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 29)),
                LISBON,
                Candidates.offline(List.of(FADO_MUSEUM), "curated"),
                "curated");

        assertThat(poi(context, FADO_MUSEUM.id()).openWindows()).isEmpty();
        assertThat(context.warnings()).isEmpty();
    }

    @Test
    void oneWarningNamesEveryClosedDayOfAPlace() {
        PlanningContext context = builder.build(
                trip(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 17)),
                LISBON,
                Candidates.offline(CANDIDATES, "curated"),
                "curated");

        assertThat(context.warnings())
                .containsExactly(
                        "Jerónimos Monastery is closed on Monday 2027-05-03, "
                                + "Monday 2027-05-10 and Monday 2027-05-17",
                        "Lisbon has 3 places to visit during your trip (2 for your interests), about 1 day's worth at a"
                                + " moderate pace: the other 14 days will be light or empty. Fewer days, or broader"
                                + " interests, give fuller days.");
        assertThat(context.days()).extracting(TripDay::holiday).containsOnlyNulls();
    }

    @Test
    void warnsWhenTheTripIsLongerThanItsPlacesCanFill() {
        // three places of an hour each fill one moderate day (each with its slack and a walk): two days are too many
        PlanningContext twoDays = builder.build(
                trip(LocalDate.of(2027, 5, 4), LocalDate.of(2027, 5, 5)),
                LISBON,
                Candidates.offline(CANDIDATES, "curated"),
                "curated");
        PlanningContext oneDay = builder.build(
                trip(LocalDate.of(2027, 5, 4), LocalDate.of(2027, 5, 4)),
                LISBON,
                Candidates.offline(CANDIDATES, "curated"),
                "curated");

        assertThat(twoDays.warnings())
                .containsExactly("Lisbon has 3 places to visit during your trip (2 for your interests), about 1 day's"
                        + " worth at a moderate pace: the other day will be light or empty. Fewer days, or broader"
                        + " interests, give fuller days.");
        assertThat(oneDay.warnings()).isEmpty();
    }

    @Test
    void keepsEveryCandidateWithItsCatalogFacts() {
        PlanningContext context = builder.build(
                trip(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29)),
                LISBON,
                Candidates.offline(CANDIDATES, "curated"),
                "curated");

        assertThat(context.pois())
                .extracting(PointOfInterest::id)
                .containsExactly("lisbon.jeronimos-monastery", "lisbon.alfama", "lisbon.fado-museum");
        PointOfInterest alfama = poi(context, ALFAMA.id());
        assertThat(alfama.openingHours()).isEqualTo("24/7");
        assertThat(alfama.category()).isEqualTo(Interest.CULTURE);
        assertThat(alfama.openWindows())
                .hasSize(3)
                .allSatisfy(day -> assertThat(day.windows())
                        .containsExactly(new TimeWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59))));
    }

    @Test
    void describesTheDestinationAndStampsTheBuildTime() {
        PlanningContext context = builder.build(
                trip(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29)),
                LISBON,
                Candidates.offline(CANDIDATES, "curated"),
                "curated");

        assertThat(context.destination().id()).isEqualTo("lisbon");
        assertThat(context.destination().timeZone()).isEqualTo("Europe/Lisbon");
        assertThat(context.destination().currency()).isEqualTo("EUR");
        assertThat(context.destination().centre()).isEqualTo(LISBON.centre());
        assertThat(context.builtAt()).isEqualTo(NOW);
    }

    @Test
    void seesAPublicHolidayTheDayBeforeTheTripStarts() {
        // given a place closed the day after a public holiday, and a trip from the day after Christmas
        CatalogPoi market = poi("lisbon.market", "Market", 50, "Mo-Su 10:00-18:00; PH +1 day off");
        TripRequest request = trip(LocalDate.of(2027, 12, 26), LocalDate.of(2027, 12, 27));

        // when
        PlanningContext context =
                builder.build(request, LISBON, Candidates.offline(List.of(market), "curated"), "curated");

        // then it is closed on the first day, open on the second
        assertThat(poi(context, market.id()).openWindows())
                .extracting(DayWindows::date)
                .containsExactly(LocalDate.of(2027, 12, 27));
    }

    private static PointOfInterest poi(PlanningContext context, String id) {
        return context.pois().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static CatalogPoi poi(String id, String name, int popularity, String hours) {
        return new CatalogPoi(
                id,
                name,
                id.endsWith("alfama") ? Interest.CULTURE : Interest.HISTORY,
                new GeoPoint(38.7, -9.15),
                60,
                OpeningHours.parse(hours),
                true,
                1,
                popularity);
    }

    private static TripRequest trip(LocalDate start, LocalDate end) {
        return TripRequests.lisbon().dates(start, end).build();
    }
}
