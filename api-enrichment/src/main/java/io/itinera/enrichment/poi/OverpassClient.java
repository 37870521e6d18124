package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.provider.Provider;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.events.trip.GeoPoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Asks OpenStreetMap's Overpass API for named sights around a destination (with each object's bounding box, for its
 * size) and maps them onto the catalog's model with {@link OsmPlaces}, best first.
 */
final class OverpassClient {

    private final Provider provider;
    private final int radiusMetres;
    private final int limit;

    OverpassClient(Provider provider, int radiusMetres, int limit) {
        this.provider = provider;
        this.radiusMetres = radiusMetres;
        this.limit = limit;
    }

    boolean enabled() {
        return provider.enabled();
    }

    ProviderResult<List<CatalogPoi>> around(CatalogDestination destination) {
        String around = String.format(
                Locale.ROOT,
                "(around:%d,%.5f,%.5f)",
                radiusMetres,
                destination.centre().lat(),
                destination.centre().lon());
        String query = "[out:json][timeout:25];("
                + "nwr" + around + "[\"tourism\"~\"^(museum|gallery|attraction|viewpoint)$\"][\"name\"];"
                + "nwr" + around + "[\"historic\"~\"^(castle|monument|memorial|ruins|fort|palace)$\"][\"name\"];"
                + "nwr" + around + "[\"amenity\"~\"^(place_of_worship|marketplace|theatre)$\"][\"name\"][\"wikidata\"];"
                + "nwr" + around + "[\"leisure\"~\"^(park|garden)$\"][\"name\"][\"wikidata\"];"
                + ");out tags bb;";
        URI uri = URI.create(provider.baseUrl().toString().replaceAll("/+$", "") + "/api/interpreter?data="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return provider.get(uri, body -> parse(body, destination.id(), limit));
    }

    static List<CatalogPoi> parse(JsonNode body, String destinationId, int limit) {
        JsonNode elements = body.required("elements");
        if (!elements.isArray()) {
            throw new IllegalArgumentException("'elements' is not an array");
        }
        List<CatalogPoi> pois = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode element : elements.values()) {
            poi(element, destinationId)
                    .filter(poi -> names.add(poi.name().toLowerCase(Locale.ROOT)))
                    .ifPresent(pois::add);
        }
        return pois.stream()
                .sorted(Comparator.comparingInt(CatalogPoi::popularity)
                        .reversed()
                        .thenComparing(CatalogPoi::name))
                .limit(limit)
                .toList();
    }

    private static Optional<CatalogPoi> poi(JsonNode element, String destinationId) {
        Map<String, String> tags = new HashMap<>();
        element.path("tags").properties().forEach(tag -> {
            if (tag.getValue().isString()) {
                tags.put(tag.getKey(), tag.getValue().stringValue());
            }
        });
        BoundingBox box = box(element.path("bounds"));
        GeoPoint location = location(element, box);
        if (location == null) {
            return Optional.empty();
        }
        return OsmPlaces.place(
                destinationId,
                element.required("type").stringValue(),
                element.required("id").asLong(),
                tags,
                location,
                box == null ? 0 : box.areaSquareMetres());
    }

    /** A node's position, else the centre Overpass gives, else the middle of the bounding box. */
    private static @Nullable GeoPoint location(JsonNode element, @Nullable BoundingBox box) {
        JsonNode point = element.has("lat") ? element : element.path("center");
        if (isNumber(point, "lat") && isNumber(point, "lon")) {
            return new GeoPoint(point.get("lat").doubleValue(), point.get("lon").doubleValue());
        }
        return box == null ? null : box.centre();
    }

    private static @Nullable BoundingBox box(JsonNode bounds) {
        if (!isNumber(bounds, "minlat")
                || !isNumber(bounds, "maxlat")
                || !isNumber(bounds, "minlon")
                || !isNumber(bounds, "maxlon")) {
            return null;
        }
        return new BoundingBox(
                bounds.get("minlat").doubleValue(),
                bounds.get("minlon").doubleValue(),
                bounds.get("maxlat").doubleValue(),
                bounds.get("maxlon").doubleValue());
    }

    private static boolean isNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber();
    }
}
