package io.itinera.generation;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** A small hand-made two-day Lisbon trip (Monday 10 and Tuesday 11 May 2027, summer time +01:00). */
public final class LisbonTrip {

    public static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);
    public static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private static final Set<DayOfWeek> EVERY_DAY = Set.of(DayOfWeek.values());
    private static final Set<DayOfWeek> NOT_MONDAY = Set.of(
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY,
            DayOfWeek.SUNDAY);
    private static final Set<DayOfWeek> NOT_TUESDAY = Set.of(
            DayOfWeek.MONDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY,
            DayOfWeek.SUNDAY);

    private LisbonTrip() {}

    public static GenerationRequested requested(String tripId) {
        return GenerationRequested.of(tripId, request(), context());
    }

    public static TripRequest request() {
        return TripRequests.lisbon()
                .destinationId("lisbon")
                .dates(MONDAY, TUESDAY)
                .interests(Interest.HISTORY, Interest.VIEWPOINTS, Interest.FOOD, Interest.ART)
                .mustSee(List.of("castelo-sao-jorge"))
                .currency("EUR")
                .mode(TravelMode.TRANSIT)
                .build();
    }

    public static PlanningContext context() {
        return new PlanningContext(
                new Destination("lisbon", "Lisbon", "PT", new GeoPoint(38.7223, -9.1393), "Europe/Lisbon", "EUR"),
                List.of(
                        new TripDay(
                                MONDAY, "+01:00", LocalTime.of(6, 33), LocalTime.of(20, 38), null, null, null, null),
                        new TripDay(
                                TUESDAY, "+01:00", LocalTime.of(6, 32), LocalTime.of(20, 39), null, null, null, null)),
                List.of(
                        poi(
                                "torre-de-belem",
                                "Torre de Belém",
                                Interest.HISTORY,
                                38.6916,
                                -9.2160,
                                60,
                                2,
                                90,
                                NOT_MONDAY,
                                "10:00",
                                "18:00"),
                        poi(
                                "jeronimos",
                                "Mosteiro dos Jerónimos",
                                Interest.ARCHITECTURE,
                                38.6979,
                                -9.2068,
                                90,
                                2,
                                95,
                                NOT_MONDAY,
                                "10:00",
                                "18:00"),
                        poi(
                                "castelo-sao-jorge",
                                "Castelo de São Jorge",
                                Interest.HISTORY,
                                38.7139,
                                -9.1335,
                                90,
                                2,
                                92,
                                EVERY_DAY,
                                "09:00",
                                "21:00"),
                        poi(
                                "miradouro-santa-luzia",
                                "Miradouro de Santa Luzia",
                                Interest.VIEWPOINTS,
                                38.7118,
                                -9.1302,
                                20,
                                0,
                                80,
                                EVERY_DAY,
                                "00:00",
                                "23:59"),
                        poi(
                                "se-de-lisboa",
                                "Sé de Lisboa",
                                Interest.RELIGION,
                                38.7098,
                                -9.1335,
                                30,
                                1,
                                70,
                                EVERY_DAY,
                                "09:30",
                                "19:00"),
                        poi(
                                "time-out-market",
                                "Time Out Market",
                                Interest.FOOD,
                                38.7071,
                                -9.1459,
                                60,
                                2,
                                85,
                                EVERY_DAY,
                                "10:00",
                                "23:59"),
                        poi(
                                "gulbenkian",
                                "Museu Calouste Gulbenkian",
                                Interest.ART,
                                38.7372,
                                -9.1545,
                                120,
                                2,
                                88,
                                NOT_TUESDAY,
                                "10:00",
                                "18:00"),
                        poi("maat", "MAAT", Interest.ART, 38.6957, -9.1939, 90, 2, 75, NOT_TUESDAY, "10:00", "19:00"),
                        poi(
                                "lx-factory",
                                "LX Factory",
                                Interest.SHOPPING,
                                38.7033,
                                -9.1789,
                                60,
                                1,
                                72,
                                EVERY_DAY,
                                "10:00",
                                "20:00"),
                        poi(
                                "miradouro-senhora-do-monte",
                                "Miradouro da Senhora do Monte",
                                Interest.VIEWPOINTS,
                                38.7190,
                                -9.1327,
                                20,
                                0,
                                78,
                                EVERY_DAY,
                                "00:00",
                                "23:59"),
                        poi(
                                "oceanario",
                                "Oceanário de Lisboa",
                                Interest.NATURE,
                                38.7635,
                                -9.0937,
                                120,
                                3,
                                90,
                                EVERY_DAY,
                                "10:00",
                                "19:00")),
                List.of(),
                Instant.parse("2027-05-01T08:00:00Z"),
                null,
                null);
    }

    private static PointOfInterest poi(
            String id,
            String name,
            Interest category,
            double lat,
            double lon,
            int visitMinutes,
            int priceLevel,
            int popularity,
            Set<DayOfWeek> openOn,
            String open,
            String close) {
        TimeWindow window = new TimeWindow(LocalTime.parse(open), LocalTime.parse(close));
        List<DayWindows> windows = List.of(MONDAY, TUESDAY).stream()
                .filter(date -> openOn.contains(date.getDayOfWeek()))
                .map(date -> new DayWindows(date, List.of(window)))
                .toList();
        return new PointOfInterest(
                id,
                name,
                category,
                new GeoPoint(lat, lon),
                visitMinutes,
                "see the source",
                windows,
                true,
                priceLevel,
                popularity);
    }
}
