package io.itinera.generation.bench;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * City-sized trips for benchmarks: places scattered over a 5 km radius around the centre, with the opening-hour shapes
 * of a real catalog (museums 10:00–18:00 closed one weekday, sights open all day, restaurants with a lunch and a dinner
 * window, churches closing at lunch), a mix of categories, visit lengths and popularity.
 */
public final class SyntheticTrips {

    static final GeoPoint CENTRE = new GeoPoint(38.7167, -9.1333);
    static final LocalDate START = LocalDate.of(2027, 5, 10);

    private SyntheticTrips() {}

    public static TripRequest request(int days) {
        return TripRequests.to("Benchville")
                .dates(START, START.plusDays(days - 1))
                .interests(Interest.ART, Interest.HISTORY, Interest.FOOD, Interest.VIEWPOINTS)
                .mustSee(List.of("poi-003", "poi-017"))
                .currency("EUR")
                .mode(TravelMode.TRANSIT)
                .build();
    }

    public static PlanningContext context(int days, int places, long seed) {
        Random random = new Random(seed);
        List<TripDay> tripDays = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            tripDays.add(new TripDay(START.plusDays(d), "+01:00", null, null, null, null, null, null));
        }
        List<PointOfInterest> pois = new ArrayList<>();
        for (int p = 0; p < places; p++) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double metres = 5000 * Math.sqrt(random.nextDouble());
            GeoPoint location = new GeoPoint(
                    CENTRE.lat() + metres * Math.sin(angle) / 111_195.0,
                    CENTRE.lon() + metres * Math.cos(angle) / (111_195.0 * Math.cos(Math.toRadians(CENTRE.lat()))));
            Interest category = Interest.values()[random.nextInt(Interest.values().length)];
            int shape = random.nextInt(10);
            DayOfWeek closed = DayOfWeek.of(1 + random.nextInt(7));
            List<DayWindows> open = new ArrayList<>();
            for (TripDay day : tripDays) {
                List<TimeWindow> windows =
                        switch (shape) {
                            case 0, 1, 2, 3 -> day.date().getDayOfWeek() == closed
                                    ? List.of()
                                    : List.of(window(10, 0, 18, 0));
                            case 4, 5 -> List.of(window(0, 0, 23, 59));
                            case 6 -> List.of(window(12, 0, 15, 0), window(19, 0, 23, 0));
                            case 7 -> List.of(window(9, 0, 12, 30), window(14, 30, 18, 0));
                            default -> List.of(window(9, 30, 19, 0));
                        };
                open.add(new DayWindows(day.date(), windows));
            }
            pois.add(new PointOfInterest(
                    "poi-%03d".formatted(p),
                    "Place " + p,
                    category,
                    location,
                    20 + 10 * random.nextInt(13),
                    "synthetic",
                    open,
                    random.nextInt(3) > 0,
                    random.nextInt(4),
                    30 + random.nextInt(71)));
        }
        return new PlanningContext(
                new Destination("benchville", "Benchville", "PT", CENTRE, "Europe/Lisbon", "EUR"),
                tripDays,
                pois,
                List.of(),
                Instant.parse("2027-05-01T00:00:00Z"),
                null,
                null);
    }

    private static TimeWindow window(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new TimeWindow(LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    }
}
