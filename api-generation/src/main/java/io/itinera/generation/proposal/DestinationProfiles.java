package io.itinera.generation.proposal;

import io.itinera.events.trip.Interest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The destination profiles and the origins gazetteer shipped in {@code proposals/}, loaded once. */
public final class DestinationProfiles {

    /** Written by {@code ProfileGenerator} (test sources) from api-enrichment's data. */
    static final String PROFILES = "destination-profiles.json";

    static final String ORIGINS = "origins.tsv.gz";

    private final List<DestinationProfile> destinations;
    private final List<Origin> origins;

    DestinationProfiles(List<DestinationProfile> destinations, List<Origin> origins) {
        this.destinations = List.copyOf(destinations);
        this.origins = List.copyOf(origins);
    }

    public static DestinationProfiles load() {
        try (InputStream profiles = resource(PROFILES);
                InputStream origins = resource(ORIGINS)) {
            return new DestinationProfiles(readProfiles(profiles), readOrigins(new GZIPInputStream(origins)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the proposal resources", e);
        }
    }

    List<DestinationProfile> destinations() {
        return destinations;
    }

    /** The most populous origin whose name or ASCII name matches, ignoring case and accents. */
    Optional<Origin> origin(String name) {
        String key = fold(name);
        return origins.stream()
                .filter(o -> fold(o.name()).equals(key) || fold(o.asciiName()).equals(key) || o.id().equals(key))
                .max(Comparator.comparingLong(Origin::population));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DestinationProfiles.class.getResourceAsStream("/proposals/" + name);
        if (in == null) {
            throw new IOException("missing resource proposals/" + name);
        }
        return in;
    }

    static List<DestinationProfile> readProfiles(InputStream in) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(in);
        List<DestinationProfile> result = new ArrayList<>();
        for (JsonNode d : root) {
            Map<Interest, DestinationProfile.Coverage> interests = new EnumMap<>(Interest.class);
            d.get("interests")
                    .properties()
                    .forEach(e -> interests.put(
                            Interest.fromWireName(e.getKey()),
                            new DestinationProfile.Coverage(
                                    e.getValue().get("places").asInt(),
                                    e.getValue().get("meanPopularity").asDouble())));
            List<double[]> climate = new ArrayList<>();
            for (JsonNode month : d.get("climate")) {
                double[] values = new double[month.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = month.get(i).asDouble();
                }
                climate.add(values);
            }
            result.add(new DestinationProfile(
                    d.get("id").asString(),
                    d.get("name").asString(),
                    d.get("country").asString(),
                    d.get("lat").asDouble(),
                    d.get("lon").asDouble(),
                    d.get("places").asInt(),
                    interests,
                    climate,
                    d.get("costLevel").asDouble()));
        }
        return result;
    }

    static List<Origin> readOrigins(InputStream in) throws IOException {
        List<Origin> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t", -1);
                result.add(new Origin(
                        f[0],
                        f[1],
                        f[2],
                        f[3],
                        Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]),
                        f[6].isEmpty() ? 0 : Long.parseLong(f[6])));
            }
        }
        return result;
    }

    static String fold(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
