package io.itinera.enrichment.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Turns a GeoNames {@code cities500.txt} (or {@code cities1000.txt}, {@code cities15000.txt}) dump into the compact
 * world-city resource api-enrichment ships. Plain JDK only, so it runs as a single source file:
 *
 * <pre>
 * java api-enrichment/src/test/java/io/itinera/enrichment/tools/WorldCitiesConverter.java \
 *     /tmp/cities500.txt api-enrichment/src/main/resources/destinations/world-cities.tsv.gz [minimum-population]
 * </pre>
 *
 * Keeps populated places (no city sections, historical or abandoned places) of at least the minimum population
 * (150,000 by default), the Latin-script alternate names that look like names (no codes, no lower-case
 * transliterations), and adds an id and the country's currency. See {@code docs/data-sources.md}.
 */
public final class WorldCitiesConverter {

    static final int DEFAULT_MINIMUM_POPULATION = 150_000;
    static final int MAX_ALTERNATE_NAMES = 40;
    static final String HEADER =
            "id\tgeonameId\tname\tasciiName\talternateNames\tcountry\tadmin1\tlat\tlon\tpopulation\ttimeZone\tcurrency";

    private static final Set<String> EXCLUDED_FEATURES = Set.of("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LATIN_NAME = Pattern.compile("\\p{Lu}[\\p{IsLatin}\\p{M} .'’-]{1,39}");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}");
    /** Territories whose currency the JDK's locale data does not know. */
    private static final Map<String, String> CURRENCY_OVERRIDES = Map.of("XK", "EUR", "AQ", "USD");

    private WorldCitiesConverter() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: WorldCitiesConverter <geonames cities txt> <out .tsv.gz> [minimum population]");
            System.exit(2);
        }
        int minimum = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MINIMUM_POPULATION;
        List<City> cities = read(Path.of(args[0]), minimum);
        write(withIds(cities), Path.of(args[1]));
        System.out.printf("Wrote %d cities of at least %,d people to %s%n", cities.size(), minimum, args[1]);
    }

    record City(
            String geonameId,
            String name,
            String asciiName,
            List<String> alternateNames,
            String country,
            String admin1,
            String lat,
            String lon,
            int population,
            String timeZone,
            String currency) {}

    static List<City> read(Path dump, int minimumPopulation) throws IOException {
        List<City> cities = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < 19 || !"P".equals(f[6]) || EXCLUDED_FEATURES.contains(f[7]) || f[14].isEmpty()) {
                    continue;
                }
                int population = Integer.parseInt(f[14]);
                if (population < minimumPopulation || f[17].isEmpty()) {
                    continue;
                }
                String zone = ZoneId.of(f[17]).getId();
                String currency = currency(f[8]);
                if (currency == null) {
                    System.err.printf("Skipping %s (%s): no currency for country %s%n", f[1], f[0], f[8]);
                    continue;
                }
                cities.add(new City(
                        f[0],
                        f[1],
                        f[2],
                        alternateNames(f[3], f[1], f[2]),
                        f[8],
                        f[10],
                        f[4],
                        f[5],
                        population,
                        zone,
                        currency));
            }
        }
        cities.sort(Comparator.comparingInt(City::population).reversed().thenComparing(City::geonameId));
        return cities;
    }

    /** Ids are the slug of the ASCII name; the most populous city keeps the bare slug, others add the country. */
    static List<String[]> withIds(List<City> cities) {
        Set<String> taken = new HashSet<>();
        List<String[]> rows = new ArrayList<>();
        for (City city : cities) {
            String slug = slug(city.asciiName().isBlank() ? city.name() : city.asciiName());
            String id = slug;
            if (!taken.add(id)) {
                id = slug + "-" + city.country().toLowerCase(Locale.ROOT);
                if (!taken.add(id)) {
                    id = slug + "-" + city.country().toLowerCase(Locale.ROOT) + "-" + city.geonameId();
                    taken.add(id);
                }
            }
            rows.add(new String[] {
                id,
                city.geonameId(),
                city.name(),
                city.asciiName(),
                String.join("|", city.alternateNames()),
                city.country(),
                city.admin1(),
                city.lat(),
                city.lon(),
                Integer.toString(city.population()),
                city.timeZone(),
                city.currency()
            });
        }
        return rows;
    }

    static void write(List<String[]> rows, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(out);
                GZIPOutputStream gzip = new GZIPOutputStream(file);
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8))) {
            writer.print("# Cities from the GeoNames gazetteer (geonames.org), CC BY 4.0; filtered and reshaped by"
                    + " WorldCitiesConverter, see docs/data-sources.md\n");
            writer.print(HEADER + "\n");
            for (String[] row : rows) {
                writer.print(String.join("\t", row) + "\n");
            }
        }
    }

    static List<String> alternateNames(String field, String name, String asciiName) {
        Set<String> keys = new HashSet<>(List.of(key(name), key(asciiName)));
        Set<String> kept = new LinkedHashSet<>();
        for (String candidate : field.split(",")) {
            String alternate = candidate.strip();
            if (kept.size() == MAX_ALTERNATE_NAMES) {
                break;
            }
            if (LATIN_NAME.matcher(alternate).matches()
                    && !CODE.matcher(alternate).matches()
                    && !alternate.contains("|")
                    && keys.add(key(alternate))) {
                kept.add(alternate);
            }
        }
        return List.copyOf(kept);
    }

    static String slug(String name) {
        return NOT_ALPHANUMERIC.matcher(bare(name)).replaceAll("-").replaceAll("^-+|-+$", "");
    }

    private static String key(String name) {
        return NOT_ALPHANUMERIC.matcher(bare(name)).replaceAll("");
    }

    private static String bare(String name) {
        return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static String currency(String country) {
        String override = CURRENCY_OVERRIDES.get(country);
        if (override != null) {
            return override;
        }
        try {
            Currency currency = Currency.getInstance(new Locale("", country));
            return currency == null ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
