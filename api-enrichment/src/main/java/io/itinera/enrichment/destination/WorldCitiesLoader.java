package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.events.trip.GeoPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.Resource;

/**
 * Reads the world-city resource ({@code destinations/world-cities.tsv.gz}, written by {@code WorldCitiesConverter}
 * from GeoNames) and validates every row, failing with the file and line of the first problem.
 */
final class WorldCitiesLoader {

    static final String HEADER =
            "id\tgeonameId\tname\tasciiName\talternateNames\tcountry\tadmin1\tlat\tlon\tpopulation\ttimeZone\tcurrency";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int COLUMNS = 12;

    private WorldCitiesLoader() {}

    static List<CatalogDestination> load(Resource resource) {
        String file = resource.getDescription();
        if (!resource.exists()) {
            throw new IllegalStateException(file + " is missing");
        }
        List<CatalogDestination> cities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputStream raw = resource.getInputStream();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean header = false;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!header) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(
                                "%s, line %d: expected the header '%s'".formatted(file, number, HEADER));
                    }
                    header = true;
                    continue;
                }
                CatalogDestination city = row(file, number, line);
                if (!ids.add(city.id())) {
                    throw new IllegalStateException(
                            "%s, line %d: the id '%s' is used twice".formatted(file, number, city.id()));
                }
                cities.add(city);
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a readable gzipped TSV file: " + e.getMessage(), e);
        }
        return cities;
    }

    private static CatalogDestination row(String file, int number, String line) {
        String[] f = line.split("\t", -1);
        try {
            if (f.length != COLUMNS) {
                throw new IllegalArgumentException("has %d columns instead of %d".formatted(f.length, COLUMNS));
            }
            require(ID.matcher(f[0]).matches(), "the id '%s' is not lower-case letters, digits and hyphens", f[0]);
            require(!f[2].isBlank(), "the name is empty");
            require(COUNTRY.matcher(f[5]).matches(), "the country '%s' is not an ISO 3166-1 alpha-2 code", f[5]);
            double lat = Double.parseDouble(f[7]);
            double lon = Double.parseDouble(f[8]);
            require(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, "the coordinates are out of range");
            int population = Integer.parseInt(f[9]);
            require(population >= 0, "the population is negative");
            List<String> alternates = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split("\\|"));
            return new CatalogDestination(
                    f[0],
                    f[2],
                    f[3].isBlank() ? f[2] : f[3],
                    alternates,
                    f[5],
                    new GeoPoint(lat, lon),
                    population,
                    ZoneId.of(f[10]),
                    Currency.getInstance(f[11]));
        } catch (RuntimeException e) {
            throw new IllegalStateException("%s, line %d: %s".formatted(file, number, e.getMessage()), e);
        }
    }

    private static void require(boolean valid, String problem, Object... args) {
        if (!valid) {
            throw new IllegalArgumentException(problem.formatted(args));
        }
    }
}
