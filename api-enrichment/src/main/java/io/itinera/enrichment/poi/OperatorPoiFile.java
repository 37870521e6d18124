package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogPoi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an operator's own points of interest, as CSV (a header row naming the columns) or GeoJSON (a FeatureCollection
 * of Points with the same names as properties), and validates every entry, failing on the first problem with the file
 * and line. Documented in the api-enrichment README.
 */
final class OperatorPoiFile {

    static final List<String> COLUMNS = List.of(
            PoiFields.DESTINATION_ID,
            "id",
            "name",
            "category",
            "lat",
            "lon",
            "visitMinutes",
            "openingHours",
            "indoor",
            "priceLevel",
            "popularity");

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // features are read one by one
            .build();

    private OperatorPoiFile() {}

    /** The points of interest by destination id, in file order. */
    static Map<String, List<CatalogPoi>> load(Resource resource, Predicate<String> knownDestination) {
        String file = name(resource);
        if (!resource.exists()) {
            throw new InvalidPoiFileException(file + " is missing");
        }
        String name = String.valueOf(resource.getFilename()).toLowerCase(Locale.ROOT);
        List<PoiFields> entries;
        try (InputStream in = resource.getInputStream()) {
            if (name.endsWith(".csv")) {
                entries = csv(file, in);
            } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
                entries = geoJson(file, in);
            } else {
                throw new InvalidPoiFileException(file + " must end in .csv, .geojson or .json");
            }
        } catch (IOException e) {
            throw new InvalidPoiFileException(file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, List<CatalogPoi>> byDestination = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (PoiFields entry : entries) {
            String destination = entry.destinationId();
            if (!knownDestination.test(destination)) {
                throw entry.invalid("'destinationId' names no known destination: '%s'".formatted(destination));
            }
            CatalogPoi poi = entry.poi(destination);
            if (!ids.add(poi.id())) {
                throw entry.invalid("the id '%s' is used twice".formatted(poi.id()));
            }
            byDestination.computeIfAbsent(destination, d -> new ArrayList<>()).add(poi);
        }
        if (byDestination.isEmpty()) {
            throw new InvalidPoiFileException(file + " holds no points of interest");
        }
        return byDestination;
    }

    /** The file's path when it is one, so that messages read {@code /etc/itinera/pois.csv, line 3: ...}. */
    private static String name(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().getPath() : resource.getDescription();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static List<PoiFields> csv(String file, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new InvalidPoiFileException(file + " is empty");
        }
        List<String> header = Csv.fields(headerLine.replace("\uFEFF", ""), file + ", line 1");
        List<String> missing =
                COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidPoiFileException(
                    "%s, line 1: the header lacks the columns %s (expected %s)".formatted(file, missing, COLUMNS));
        }
        List<PoiFields> entries = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = "%s, line %d".formatted(file, number);
            List<String> fields = Csv.fields(line, where);
            if (fields.size() != header.size()) {
                throw new InvalidPoiFileException(
                        "%s: %d fields where the header has %d".formatted(where, fields.size(), header.size()));
            }
            Map<String, @Nullable String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            entries.add(new PoiFields(where, values));
        }
        return entries;
    }

    private static List<PoiFields> geoJson(String file, InputStream in) {
        List<PoiFields> entries = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidPoiFileException(file + ", line 1: expected a GeoJSON FeatureCollection object");
            }
            boolean features = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"features".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                features = true;
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new InvalidPoiFileException(
                            "%s, line %d: 'features' must be an array".formatted(file, line(parser)));
                }
                int index = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    index++;
                    String where = "%s, line %d (feature %d)".formatted(file, line(parser), index);
                    JsonNode feature = JSON.readTree(parser);
                    entries.add(feature(where, feature));
                }
            }
            if (!features) {
                throw new InvalidPoiFileException(file + ": a FeatureCollection needs a 'features' array");
            }
        } catch (JacksonException e) {
            throw new InvalidPoiFileException(
                    "%s, line %d: not valid JSON: %s"
                            .formatted(
                                    file,
                                    e.getLocation() == null
                                            ? 0
                                            : e.getLocation().getLineNr(),
                                    e.getOriginalMessage()),
                    e);
        }
        return entries;
    }

    private static PoiFields feature(String where, JsonNode feature) {
        JsonNode geometry = feature.get("geometry");
        JsonNode coordinates = geometry == null ? null : geometry.get("coordinates");
        if (geometry == null
                || !"Point".equals(geometry.path("type").asString(""))
                || coordinates == null
                || !coordinates.isArray()
                || coordinates.size() < 2) {
            throw new InvalidPoiFileException(where + ": the geometry must be a Point with [lon, lat] coordinates");
        }
        JsonNode properties = feature.path("properties");
        Map<String, @Nullable String> values = new HashMap<>();
        for (String column : COLUMNS) {
            JsonNode value = properties.get(column);
            values.put(column, value == null || value.isNull() ? null : value.asString());
        }
        values.put("lon", coordinates.get(0).asString());
        values.put("lat", coordinates.get(1).asString());
        return new PoiFields(where, values);
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
