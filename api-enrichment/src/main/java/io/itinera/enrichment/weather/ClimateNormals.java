package io.itinera.enrichment.weather;

import io.itinera.events.trip.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped monthly climate normals ({@code weather/climate-normals.json}), found by distance to a place. */
public final class ClimateNormals {

    static final String RESOURCE = "/weather/climate-normals.json";
    static final double NEAR_KM = 50;

    /** One month's averages at one city. */
    public record MonthNormals(double minC, double maxC, double precipitationMm, double rainyDays) {}

    /** A city's twelve months, January first. */
    public record City(String name, GeoPoint location, String period, String publisher, List<MonthNormals> months) {

        public MonthNormals in(Month month) {
            return months.get(month.ordinal());
        }
    }

    private final List<City> cities;

    ClimateNormals(List<City> cities) {
        this.cities = List.copyOf(cities);
    }

    /** Loads and checks the shipped normals; a broken file stops the service at start-up. */
    public static ClimateNormals shipped() {
        try (InputStream in = ClimateNormals.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<City> cities = new ArrayList<>();
            for (JsonNode city : root.get("cities").values()) {
                List<MonthNormals> months = new ArrayList<>();
                for (JsonNode month : city.get("months").values()) {
                    months.add(new MonthNormals(
                            month.get(0).doubleValue(),
                            month.get(1).doubleValue(),
                            month.get(2).doubleValue(),
                            month.get(3).doubleValue()));
                }
                String name = city.get("name").stringValue();
                if (months.size() != Month.values().length
                        || months.stream().anyMatch(m -> m.minC() > m.maxC() || m.rainyDays() > 31)) {
                    throw new IllegalStateException(RESOURCE + ": the months of " + name + " are not valid");
                }
                cities.add(new City(
                        name,
                        new GeoPoint(
                                city.get("lat").doubleValue(), city.get("lon").doubleValue()),
                        city.get("period").stringValue(),
                        city.get("publisher").stringValue(),
                        months));
            }
            return new ClimateNormals(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normals of the nearest city within 50 km of a place. */
    public Optional<City> near(GeoPoint place) {
        return cities.stream()
                .filter(city -> city.location().metresTo(place) <= NEAR_KM * 1000)
                .min(Comparator.comparingDouble(city -> city.location().metresTo(place)));
    }

    public int size() {
        return cities.size();
    }
}
