package io.itinera.generation.proposal;

import io.itinera.events.trip.Interest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives the proposal resources from api-enrichment's data, so that this worker never has to call enrichment: {@code
 * destination-profiles.json} from {@code catalog/destinations.json}, {@code catalog/pois/*.json} and {@code
 * weather/climate-normals.json}, and {@code origins.tsv.gz} from {@code destinations/world-cities.tsv.gz}. A build-time
 * tool, so a test source: the service's jar has one {@code main}. Run it after the catalog changes (a test fails
 * until then):
 *
 * <pre>
 * java -cp api-generation/target/test-classes:api-generation/target/classes:$(...) \
 *     io.itinera.generation.proposal.ProfileGenerator \
 *     api-enrichment/src/main/resources api-generation/src/main/resources/proposals
 * </pre>
 *
 * or simply {@code mvn -pl api-generation test -Dtest=ProfileGeneratorTests -Dprofiles.update=true}.
 */
public final class ProfileGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProfileGenerator() {}

    public static void main(String[] args) throws IOException {
        Path enrichment = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve(DestinationProfiles.PROFILES), profiles(enrichment));
        Files.write(out.resolve(DestinationProfiles.ORIGINS), gzip(origins(enrichment)));
    }

    /** The profiles as stable JSON text: destinations in catalog order, interests in vocabulary order. */
    static String profiles(Path enrichment) throws IOException {
        JsonNode destinations =
                JSON.readTree(enrichment.resolve("catalog/destinations.json").toFile());
        JsonNode climate = JSON.readTree(
                        enrichment.resolve("weather/climate-normals.json").toFile())
                .get("cities");
        StringBuilder json = new StringBuilder("[\n");
        boolean first = true;
        for (JsonNode destination : destinations) {
            String id = destination.get("id").asString();
            Path poisFile = enrichment.resolve("catalog/pois/" + id + ".json");
            if (!Files.exists(poisFile)) {
                continue;
            }
            JsonNode pois = JSON.readTree(poisFile.toFile());
            TreeMap<Interest, double[]> coverage = new TreeMap<>();
            double price = 0;
            for (JsonNode poi : pois) {
                Interest interest = Interest.fromWireName(poi.get("category").asString());
                double[] c = coverage.computeIfAbsent(interest, k -> new double[2]);
                c[0]++;
                c[1] += poi.get("popularity").asDouble();
                price += poi.get("priceLevel").asDouble();
            }
            if (!first) {
                json.append(",\n");
            }
            first = false;
            json.append("  {\"id\": ")
                    .append(quote(id))
                    .append(", \"name\": ")
                    .append(quote(destination.get("name").asString()))
                    .append(", \"country\": ")
                    .append(quote(destination.get("country").asString()))
                    .append(", \"lat\": ")
                    .append(destination.get("lat").asDouble())
                    .append(", \"lon\": ")
                    .append(destination.get("lon").asDouble())
                    .append(", \"places\": ")
                    .append(pois.size())
                    .append(", \"costLevel\": ")
                    .append(round(pois.isEmpty() ? 0 : price / pois.size()))
                    .append(",\n   \"interests\": {");
            List<String> entries = new ArrayList<>();
            coverage.forEach((interest, c) -> entries.add("\"%s\": {\"places\": %d, \"meanPopularity\": %s}"
                    .formatted(interest.wireName(), (int) c[0], round(c[1] / c[0]))));
            json.append(String.join(", ", entries)).append("},\n   \"climate\": ");
            json.append(climateOf(climate, destination)).append("}");
        }
        return json.append("\n]\n").toString();
    }

    private static String climateOf(JsonNode cities, JsonNode destination) {
        String name = destination.get("name").asString();
        double lat = destination.get("lat").asDouble();
        double lon = destination.get("lon").asDouble();
        for (JsonNode city : cities) {
            boolean sameName = city.get("name").asString().equalsIgnoreCase(name);
            boolean close = Math.abs(city.get("lat").asDouble() - lat) < 0.5
                    && Math.abs(city.get("lon").asDouble() - lon) < 0.5;
            if (sameName && close) {
                return city.get("months").toString();
            }
        }
        return "[]";
    }

    /** One line per world city: id, name, ASCII name, country, lat, lon, population. */
    static String origins(Path enrichment) throws IOException {
        StringBuilder tsv = new StringBuilder("id\tname\tasciiName\tcountry\tlat\tlon\tpopulation\n");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(enrichment.resolve("destinations/world-cities.tsv.gz"))),
                StandardCharsets.UTF_8))) {
            String header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (header == null) {
                    header = line;
                    continue;
                }
                // id geonameId name asciiName alternateNames country admin1 lat lon population timeZone currency
                tsv.append(String.join("\t", f[0], f[2], f[3], f[5], f[7], f[8], f[9]))
                        .append('\n');
            }
        }
        return tsv.toString();
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(9);
            }
        }) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
