package io.itinera.enrichment.catalog;

import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code destinations.json} and {@code pois/<destination-id>.json} from the catalog location and validates every
 * entry, failing on the first problem with a message that names the file and the entry.
 */
final class CatalogLoader {

    static final String DESTINATIONS_FILE = "destinations.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern POI_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int LONGEST_VISIT_MINUTES = 12 * 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResourceLoader resources;
    private final String location;

    /** @param location a folder such as {@code classpath:catalog/} */
    CatalogLoader(ResourceLoader resources, String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    Catalog load() {
        List<CatalogDestination> destinations = read(DESTINATIONS_FILE, CatalogLoader::destination);
        Map<String, List<CatalogPoi>> pois = new LinkedHashMap<>();
        Set<String> poiIds = new HashSet<>();
        for (CatalogDestination destination : destinations) {
            String file = "pois/" + destination.id() + ".json";
            List<CatalogPoi> found = read(file, CatalogLoader::poi);
            found.stream().filter(poi -> !poiIds.add(poi.id())).findFirst().ifPresent(poi -> {
                throw new InvalidCatalogException(
                        "%s%s: point of interest id '%s' is used twice".formatted(location, file, poi.id()));
            });
            pois.put(destination.id(), found);
        }
        return new Catalog(destinations, pois);
    }

    private <T> List<T> read(String file, Function<CatalogEntry, T> reader) {
        String name = location + file;
        Resource resource = resources.getResource(name);
        if (!resource.exists()) {
            throw new InvalidCatalogException(name + " is missing");
        }
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new InvalidCatalogException(name + " is not readable JSON: " + e.getMessage(), e);
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new InvalidCatalogException(name + " must hold a non-empty JSON array");
        }
        List<T> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.values()) {
            CatalogEntry entry = new CatalogEntry(name, entries.size() + 1, node);
            if (!node.isObject()) {
                throw entry.invalid("must be a JSON object");
            }
            if (!ids.add(entry.text("id"))) {
                throw entry.invalid("the id is used twice");
            }
            entries.add(reader.apply(entry));
        }
        return entries;
    }

    private static CatalogDestination destination(CatalogEntry entry) {
        return new CatalogDestination(
                entry.converted("id", text -> matching(ID, text, "lower-case letters, digits and hyphens")),
                entry.text("name"),
                entry.text("asciiName"),
                entry.texts("alternateNames"),
                entry.converted("country", text -> matching(COUNTRY, text, "an ISO 3166-1 alpha-2 code")),
                location(entry),
                entry.integer("population", 0, Integer.MAX_VALUE),
                entry.converted("timeZone", ZoneId::of),
                entry.converted("currency", Currency::getInstance));
    }

    private static CatalogPoi poi(CatalogEntry entry) {
        return new CatalogPoi(
                entry.converted("id", text -> matching(POI_ID, text, "<destination-id>.<name>, lower-case")),
                entry.text("name"),
                entry.converted("category", Interest::fromWireName),
                location(entry),
                entry.integer("visitMinutes", 1, LONGEST_VISIT_MINUTES),
                entry.converted("openingHours", OpeningHours::parse),
                entry.flag("indoor"),
                entry.integer("priceLevel", 0, 3),
                entry.integer("popularity", 0, 100));
    }

    private static GeoPoint location(CatalogEntry entry) {
        return new GeoPoint(entry.number("lat", -90, 90), entry.number("lon", -180, 180));
    }

    private static String matching(Pattern pattern, String text, String expectation) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("'%s' is not %s".formatted(text, expectation));
        }
        return text;
    }
}
