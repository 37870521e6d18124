package io.itinera.generation.planning;

import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Hand-made trips for planner tests: a small city around {@link #CENTRE}, days at {@code +01:00}. */
public final class Trips {

    public static final GeoPoint CENTRE = new GeoPoint(38.7100, -9.1400);
    public static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);
    public static final LocalDate TUESDAY = MONDAY.plusDays(1);
    public static final GenerationProperties DEFAULTS = GenerationProperties.defaults();
    /** The defaults without top places, for tests of what the other weights decide among a few equals. */
    public static final GenerationProperties WITHOUT_TOP_PLACES = withoutTopPlaces();

    private Trips() {}

    private static GenerationProperties withoutTopPlaces() {
        GenerationProperties.Weights w = DEFAULTS.weights();
        return new GenerationProperties(
                DEFAULTS.travel(),
                DEFAULTS.lunch(),
                new GenerationProperties.Weights(
                        w.mustSeeBonus(),
                        w.offInterestFactor(),
                        w.overBudgetFactor(),
                        w.repeatedCategoryFactor(),
                        w.wetOutdoorFactor(),
                        w.topPlaceBonus(),
                        0),
                DEFAULTS.dinner(),
                DEFAULTS.search(),
                DEFAULTS.planner());
    }

    /** A point about the given distance north (positive) or south of the centre, and east or west, in metres. */
    public static GeoPoint near(double northMetres, double eastMetres) {
        double lat = CENTRE.lat() + northMetres / 111_195.0;
        double lon = CENTRE.lon() + eastMetres / (111_195.0 * Math.cos(Math.toRadians(CENTRE.lat())));
        return new GeoPoint(lat, lon);
    }

    public static TripDay day(LocalDate date) {
        return new TripDay(date, "+01:00", null, null, null, null, null, null);
    }

    public static TimeWindow window(String open, String close) {
        return new TimeWindow(LocalTime.parse(open), LocalTime.parse(close));
    }

    /** Open on the given date in the given windows ({@code "09:00-17:00"}). */
    public static DayWindows on(LocalDate date, String... windows) {
        return new DayWindows(
                date,
                Arrays.stream(windows)
                        .map(w -> window(w.substring(0, 5), w.substring(6)))
                        .toList());
    }

    public static PointOfInterest poi(
            String id, Interest category, GeoPoint location, int visitMinutes, int popularity, DayWindows... open) {
        return poi(id, category, location, visitMinutes, popularity, 1, open);
    }

    public static PointOfInterest poi(
            String id,
            Interest category,
            GeoPoint location,
            int visitMinutes,
            int popularity,
            int priceLevel,
            DayWindows... open) {
        return new PointOfInterest(
                id,
                "The " + id,
                category,
                location,
                visitMinutes,
                "Mo-Su 00:00-24:00",
                List.of(open),
                true,
                priceLevel,
                popularity);
    }

    public static TripRequest request(Pace pace, List<Interest> interests) {
        return request(pace, interests, null, List.of(), null);
    }

    public static TripRequest request(
            Pace pace,
            List<Interest> interests,
            @Nullable TravelMode mode,
            List<String> mustSee,
            @Nullable GeoPoint lodging) {
        return TripRequests.to("Testville")
                .dates(MONDAY, MONDAY)
                .interests(interests)
                .pace(pace)
                .mustSee(mustSee)
                .lodging(lodging)
                .currency("EUR")
                .mode(mode)
                .build();
    }

    /** A month's climate normals: its mean daily high, a low 8 °C below, and its share of rainy days. */
    public static DayWeather climateNormals(double maxTemperatureC, int rainyDaysPercent) {
        return new DayWeather(
                DayWeather.Source.CLIMATE_NORMALS,
                null,
                maxTemperatureC - 8,
                maxTemperatureC,
                3,
                rainyDaysPercent,
                null,
                false);
    }

    /** The same place, but outdoors. */
    public static PointOfInterest outdoor(PointOfInterest poi) {
        return new PointOfInterest(
                poi.id(),
                poi.name(),
                poi.category(),
                poi.location(),
                poi.visitMinutes(),
                poi.openingHours(),
                poi.openWindows(),
                false,
                poi.priceLevel(),
                poi.popularity());
    }

    public static PlanningContext context(List<TripDay> days, List<PointOfInterest> pois) {
        return new PlanningContext(
                new Destination("testville", "Testville", "PT", CENTRE, "Europe/Lisbon", "EUR"),
                days,
                new ArrayList<>(pois),
                List.of(),
                Instant.parse("2027-05-01T00:00:00Z"),
                null,
                null);
    }

    public static PlanningContext oneDay(PointOfInterest... pois) {
        return context(List.of(day(MONDAY)), List.of(pois));
    }
}
