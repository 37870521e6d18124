package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.enrichment.provider.Provider;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Asks OpenStreetMap's Overpass API for named sights around a destination and maps them onto the catalog's model:
 * category from the OSM tags, hours from {@code opening_hours} (outdoor places without hours count as always open,
 * indoor ones without usable hours are left out), popularity from whether Wikidata knows the place.
 */
final class OverpassClient {

    /** Below the popularity from which closures earn a warning: these are guesses, not editorial judgements. */
    static final int NOTABLE = 70;

    static final int ORDINARY = 50;

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
                + ");out center tags;";
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
        JsonNode tags = element.path("tags");
        String name = text(tags, "name");
        Kind kind = Kind.of(tags);
        GeoPoint location = location(element);
        if (name == null || kind == null || location == null) {
            return Optional.empty();
        }
        OpeningHours hours = hours(text(tags, "opening_hours"), kind.indoor());
        if (hours == null) {
            return Optional.empty();
        }
        String fee = text(tags, "fee");
        int price = "no".equals(fee) ? 0 : "yes".equals(fee) ? 2 : kind.indoor() ? 1 : 0;
        int popularity = tags.has("wikidata") ? NOTABLE : ORDINARY;
        String id = "%s.osm-%s-%s"
                .formatted(
                        destinationId,
                        element.required("type").stringValue(),
                        element.required("id").asString());
        return Optional.of(new CatalogPoi(
                id, name, kind.category(), location, kind.visitMinutes(), hours, kind.indoor(), price, popularity));
    }

    private static @Nullable OpeningHours hours(@Nullable String text, boolean indoor) {
        if (text != null) {
            try {
                return OpeningHours.parse(text);
            } catch (IllegalArgumentException unsupported) {
                // fall through: treated like a place without hours
            }
        }
        return indoor ? null : OpeningHours.parse("24/7");
    }

    private static @Nullable GeoPoint location(JsonNode element) {
        JsonNode point = element.has("lat") ? element : element.path("center");
        JsonNode lat = point.get("lat");
        JsonNode lon = point.get("lon");
        return lat != null && lon != null && lat.isNumber() && lon.isNumber()
                ? new GeoPoint(lat.doubleValue(), lon.doubleValue())
                : null;
    }

    private static @Nullable String text(JsonNode tags, String key) {
        JsonNode value = tags.get(key);
        return value == null || !value.isString() || value.stringValue().isBlank()
                ? null
                : value.stringValue().strip();
    }

    /** What an OSM object is, as far as planning goes. */
    private record Kind(Interest category, boolean indoor, int visitMinutes) {

        static @Nullable Kind of(JsonNode tags) {
            String tourism = tags.path("tourism").asString("");
            String amenity = tags.path("amenity").asString("");
            String leisure = tags.path("leisure").asString("");
            String historic = tags.path("historic").asString("");
            return switch (tourism) {
                case "museum" ->
                    "art".equals(tags.path("museum").asString(""))
                            ? new Kind(Interest.ART, true, 90)
                            : new Kind(Interest.CULTURE, true, 90);
                case "gallery" -> new Kind(Interest.ART, true, 60);
                case "viewpoint" -> new Kind(Interest.VIEWPOINTS, false, 20);
                case "attraction" -> new Kind(Interest.CULTURE, false, 45);
                default ->
                    switch (amenity) {
                        case "place_of_worship" -> new Kind(Interest.RELIGION, true, 30);
                        case "marketplace" -> new Kind(Interest.FOOD, true, 45);
                        case "theatre" -> new Kind(Interest.CULTURE, true, 120);
                        default ->
                            !historic.isEmpty()
                                    ? new Kind(Interest.HISTORY, false, 45)
                                    : leisure.equals("park") || leisure.equals("garden")
                                            ? new Kind(Interest.NATURE, false, 60)
                                            : null;
                    };
            };
        }
    }
}
