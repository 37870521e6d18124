package io.itinera.generation.request;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.GenerationRequested;
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
import java.util.SplittableRandom;

/**
 * Made-up trips shaped like enrichment's output for a curated city (about sixty places within a few kilometres,
 * opening hours that differ by place and weekday, a lunch break at some, daylight per day), so that a rehearsal runs
 * the planner's real code paths without any data of ours. The same index always gives the same trip.
 */
final class WarmUpTrips {

    static final String DESTINATION_ID = "warm-up";
    private static final int PLACES = 60;
    private static final GeoPoint CENTRE = new GeoPoint(48.8566, 2.3522);
    private static final Interest[] CATEGORIES = Interest.values();
    private static final Pace[] PACES = Pace.values();
    private static final Budget[] BUDGETS = Budget.values();
    private static final TravelMode[] MODES = TravelMode.values();

    private WarmUpTrips() {}

    /** Trip number {@code index}: 1 to 5 days from {@code firstDay}, every other one with must-see places. */
    static GenerationRequested trip(int index, LocalDate firstDay) {
        int days = 1 + index % 5;
        LocalDate start = firstDay.plusDays(index % 7);
        List<LocalDate> dates = start.datesUntil(start.plusDays(days)).toList();
        List<PointOfInterest> places = places(dates);
        List<Interest> interests = List.of(
                CATEGORIES[index % CATEGORIES.length], CATEGORIES[(index + 3) % CATEGORIES.length], Interest.FOOD);
        TripRequest request = new TripRequest(
                "Warm-up City",
                DESTINATION_ID,
                start,
                dates.get(dates.size() - 1),
                1 + index % 4,
                interests,
                PACES[index % PACES.length],
                BUDGETS[index % BUDGETS.length],
                index % 2 == 0 ? List.of(places.get(index % PLACES).id()) : null,
                null,
                null,
                MODES[index % MODES.length]);
        PlanningContext context = new PlanningContext(
                new Destination(DESTINATION_ID, "Warm-up City", "FR", CENTRE, "Europe/Paris", "EUR"),
                dates.stream().map(WarmUpTrips::day).toList(),
                places,
                List.of(),
                Instant.now(),
                null,
                null);
        return GenerationRequested.of("warm-up-" + index, request, context);
    }

    private static TripDay day(LocalDate date) {
        return new TripDay(
                date,
                "+01:00",
                LocalTime.of(7, 40),
                LocalTime.of(19, 10),
                null,
                LocalTime.of(7, 8),
                LocalTime.of(19, 42),
                null);
    }

    private static List<PointOfInterest> places(List<LocalDate> dates) {
        SplittableRandom random = new SplittableRandom(PLACES);
        List<PointOfInterest> places = new ArrayList<>(PLACES);
        for (int i = 0; i < PLACES; i++) {
            GeoPoint location = new GeoPoint(
                    CENTRE.lat() + (random.nextDouble() - 0.5) * 0.06,
                    CENTRE.lon() + (random.nextDouble() - 0.5) * 0.09);
            List<DayWindows> windows = openDays(i, dates);
            places.add(new PointOfInterest(
                    "place-" + i,
                    "Place " + i,
                    CATEGORIES[i % CATEGORIES.length],
                    location,
                    15 + random.nextInt(8) * 15,
                    "made up",
                    windows,
                    i % 2 == 0,
                    random.nextInt(4),
                    40 + random.nextInt(56)));
        }
        return places;
    }

    /** Every third place opens daily; the others close on one weekday of their own. */
    private static List<DayWindows> openDays(int place, List<LocalDate> dates) {
        DayOfWeek closedOn = DayOfWeek.of(1 + place % 7);
        List<TimeWindow> hours = hours(place);
        return dates.stream()
                .filter(date -> place % 3 == 0 || date.getDayOfWeek() != closedOn)
                .map(date -> new DayWindows(date, hours))
                .toList();
    }

    private static List<TimeWindow> hours(int place) {
        return switch (place % 4) {
            case 0 -> List.of(new TimeWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
            case 1 -> List.of(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0)));
            case 2 ->
                List.of(
                        new TimeWindow(LocalTime.of(10, 0), LocalTime.of(12, 30)),
                        new TimeWindow(LocalTime.of(14, 0), LocalTime.of(19, 0)));
            default -> List.of(new TimeWindow(LocalTime.of(11, 30), LocalTime.of(23, 0)));
        };
    }
}
