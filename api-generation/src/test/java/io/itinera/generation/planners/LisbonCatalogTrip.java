package io.itinera.generation.planners;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TripRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's walk-through trip (Lisbon, 10–12 May 2027, culture, food and viewpoints, moderate pace, medium budget)
 * over api-enrichment's curated Lisbon catalog. The opening hours are evaluated here with a small reader of the few
 * OpenStreetMap patterns that file uses ({@code 24/7}, day lists and ranges with one time span, {@code off}); those
 * three days hold no public holiday.
 */
final class LisbonCatalogTrip {

    static final LocalDate START = LocalDate.of(2027, 5, 10);
    private static final Path CATALOG = Path.of("../api-enrichment/src/main/resources/catalog/pois/lisbon.json");
    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

    private LisbonCatalogTrip() {}

    static TripRequest request() {
        return TripRequests.lisbon()
                .destinationId("lisbon")
                .dates(START, START.plusDays(2))
                .interests(Interest.CULTURE, Interest.FOOD, Interest.VIEWPOINTS)
                .build();
    }

    static PlanningContext context() throws IOException {
        List<TripDay> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            days.add(new TripDay(START.plusDays(d), "+01:00", null, null, null, null, null, null));
        }
        List<PointOfInterest> pois = new ArrayList<>();
        for (JsonNode poi : JsonMapper.builder().build().readTree(CATALOG.toFile())) {
            String hours = poi.get("openingHours").asString();
            Map<DayOfWeek, List<TimeWindow>> week = week(hours);
            List<DayWindows> open = days.stream()
                    .map(day -> new DayWindows(
                            day.date(), week.getOrDefault(day.date().getDayOfWeek(), List.of())))
                    .filter(windows -> !windows.windows().isEmpty())
                    .toList();
            pois.add(new PointOfInterest(
                    poi.get("id").asString(),
                    poi.get("name").asString(),
                    Interest.fromWireName(poi.get("category").asString()),
                    new GeoPoint(poi.get("lat").asDouble(), poi.get("lon").asDouble()),
                    poi.get("visitMinutes").asInt(),
                    hours,
                    open,
                    poi.get("indoor").asBoolean(),
                    poi.get("priceLevel").asInt(),
                    poi.get("popularity").asInt()));
        }
        return new PlanningContext(
                new Destination("lisbon", "Lisbon", "PT", new GeoPoint(38.71667, -9.13333), "Europe/Lisbon", "EUR"),
                days,
                pois,
                List.of(),
                Instant.parse("2027-05-01T00:00:00Z"),
                null,
                null);
    }

    /** Later rules override earlier ones for the days they name, as in OpenStreetMap. */
    static Map<DayOfWeek, List<TimeWindow>> week(String hours) {
        Map<DayOfWeek, List<TimeWindow>> week = new EnumMap<>(DayOfWeek.class);
        for (String rule : hours.split(";")) {
            rule = rule.trim();
            if (rule.equals("24/7")) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    week.put(day, List.of(new TimeWindow(LocalTime.MIDNIGHT, LocalTime.of(23, 59))));
                }
                continue;
            }
            String[] parts = rule.split(" ");
            if (parts[0].equals("PH")) {
                continue;
            }
            List<TimeWindow> windows = parts[1].equals("off") ? List.of() : List.of(span(parts[1]));
            for (String item : parts[0].split(",")) {
                String[] range = item.split("-");
                int from = DAYS.indexOf(range[0]);
                int to = range.length == 1 ? from : DAYS.indexOf(range[1]);
                for (int d = from; d <= to; d++) {
                    week.put(DayOfWeek.of(d + 1), windows);
                }
            }
        }
        return week;
    }

    private static TimeWindow span(String text) {
        String[] ends = text.split("-");
        LocalTime close = ends[1].equals("24:00") ? LocalTime.of(23, 59) : LocalTime.parse(ends[1]);
        return new TimeWindow(LocalTime.parse(ends[0]), close);
    }
}
