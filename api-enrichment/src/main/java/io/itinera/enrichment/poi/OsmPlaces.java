package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.events.trip.GeoPoint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns an OpenStreetMap object (from Overpass or a PBF extract) into a candidate place, ranked as a traveller would:
 *
 * <pre>
 * popularity = min(100, base(kind) + 20 wikidata + 10 wikipedia + 10 heritage + 8 tourism=attraction (on another kind)
 *                       + size + richness)
 * size       = min(10, round(3 log10(1 + area m² / 1000)))   0 for a node
 * richness   = min(10, max(0, (number of tags - 5) / 3))
 * </pre>
 *
 * The name is {@code name:en} where OSM has it (the traveller's language), else {@code name}. Hours come from
 * {@code opening_hours}; an outdoor place without usable hours counts as always open, an indoor one is left out.
 */
public final class OsmPlaces {

    private static final Set<String> SIGHTS = Set.of("museum", "gallery", "attraction", "viewpoint");
    private static final Set<String> HISTORIC = Set.of("castle", "monument", "memorial", "ruins", "fort", "palace");
    private static final Set<String> VENUES = Set.of("place_of_worship", "marketplace", "theatre");
    private static final Set<String> GREEN = Set.of("park", "garden");

    private OsmPlaces() {}

    /**
     * @param osmType {@code node}, {@code way} or {@code relation}
     * @param areaSquareMetres the object's area (its bounding box will do), 0 for a node
     */
    public static Optional<CatalogPoi> place(
            String destinationId,
            String osmType,
            long osmId,
            Map<String, String> tags,
            GeoPoint location,
            double areaSquareMetres) {
        String name = name(tags);
        OsmKind kind = OsmKind.of(tags);
        if (name == null || kind == null) {
            return Optional.empty();
        }
        OpeningHours hours = hours(tags.get("opening_hours"), kind.indoor());
        if (hours == null) {
            return Optional.empty();
        }
        String fee = tags.get("fee");
        int price = "no".equals(fee) ? 0 : "yes".equals(fee) ? 2 : kind.indoor() ? 1 : 0;
        String id = "%s.osm-%s-%d".formatted(destinationId, osmType, osmId);
        return Optional.of(new CatalogPoi(
                id,
                name,
                kind.category(),
                location,
                kind.visitMinutes(),
                hours,
                kind.indoor(),
                price,
                popularity(tags, kind, areaSquareMetres)));
    }

    /**
     * Whether an object is worth a traveller's attention at all, as the Overpass query selects them: a named museum,
     * gallery, attraction, viewpoint or historic castle, palace, fort, ruins, monument or memorial; a named place of
     * worship, market hall, theatre, park or garden only when Wikidata knows it.
     */
    public static boolean isCandidate(Map<String, String> tags) {
        if (!has(tags, "name")) {
            return false;
        }
        boolean sight = SIGHTS.contains(tags.getOrDefault("tourism", ""))
                || HISTORIC.contains(tags.getOrDefault("historic", ""));
        boolean notableVenue =
                (VENUES.contains(tags.getOrDefault("amenity", "")) || GREEN.contains(tags.getOrDefault("leisure", "")))
                        && has(tags, "wikidata");
        return sight || notableVenue;
    }

    /** The formula in the class comment. */
    static int popularity(Map<String, String> tags, OsmKind kind, double areaSquareMetres) {
        int score = kind.basePopularity();
        score += has(tags, "wikidata") ? 20 : 0;
        score += has(tags, "wikipedia") ? 10 : 0;
        score += has(tags, "heritage") ? 10 : 0;
        score += "attraction".equals(tags.get("tourism")) && !kind.equals(OsmKind.ATTRACTION) ? 8 : 0;
        score += (int) Math.min(10, Math.round(3 * Math.log10(1 + Math.max(0, areaSquareMetres) / 1000)));
        score += Math.min(10, Math.max(0, (tags.size() - 5) / 3));
        return Math.min(100, score);
    }

    /** The traveller's language first: {@code name:en}, else the local {@code name}. */
    static @Nullable String name(Map<String, String> tags) {
        for (String key : new String[] {"name:en", "name"}) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static @Nullable OpeningHours hours(@Nullable String text, boolean indoor) {
        if (text != null && !text.isBlank()) {
            try {
                return OpeningHours.parse(text.strip());
            } catch (IllegalArgumentException unsupported) {
                // treated like a place without hours
            }
        }
        return indoor ? null : OpeningHours.parse("24/7");
    }

    private static boolean has(Map<String, String> tags, String key) {
        String value = tags.get(key);
        return value != null && !value.isBlank();
    }
}
