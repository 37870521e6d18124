package io.itinera.enrichment.poi;

import io.itinera.events.trip.Interest;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an OpenStreetMap object is, as far as planning goes: its category, whether a visit is indoors, how long a
 * typical visit lasts, and how much a traveller goes out of their way for such a place before anything else is known
 * about it (the base of its popularity).
 */
record OsmKind(Interest category, boolean indoor, int visitMinutes, int basePopularity) {

    /** A {@code tourism=attraction} that is nothing more specific. */
    static final OsmKind ATTRACTION = new OsmKind(Interest.CULTURE, false, 60, 35);

    static @Nullable OsmKind of(Map<String, String> tags) {
        String tourism = tags.getOrDefault("tourism", "");
        String amenity = tags.getOrDefault("amenity", "");
        String leisure = tags.getOrDefault("leisure", "");
        String historic = tags.getOrDefault("historic", "");
        return switch (tourism) {
            case "museum" ->
                "art".equals(tags.get("museum"))
                        ? new OsmKind(Interest.ART, true, 120, 40)
                        : new OsmKind(Interest.CULTURE, true, 120, 40);
            case "gallery" -> new OsmKind(Interest.ART, true, 60, 30);
            case "viewpoint" -> new OsmKind(Interest.VIEWPOINTS, false, 20, 30);
            case "attraction" -> historicKind(historic, ATTRACTION);
            default -> {
                OsmKind other = amenityKind(amenity, tags);
                if (other == null) {
                    other = historicKind(historic, null);
                }
                yield other != null ? other : leisureKind(leisure);
            }
        };
    }

    private static @Nullable OsmKind amenityKind(String amenity, Map<String, String> tags) {
        return switch (amenity) {
            case "place_of_worship" ->
                "cathedral".equals(tags.get("building"))
                        ? new OsmKind(Interest.RELIGION, true, 45, 35)
                        : new OsmKind(Interest.RELIGION, true, 30, 30);
            case "marketplace" -> new OsmKind(Interest.FOOD, true, 45, 25);
            case "theatre" -> new OsmKind(Interest.CULTURE, true, 120, 25);
            default -> null;
        };
    }

    private static @Nullable OsmKind historicKind(String historic, @Nullable OsmKind otherwise) {
        return switch (historic) {
            case "castle", "palace" -> new OsmKind(Interest.HISTORY, true, 90, 40);
            case "ruins", "fort" -> new OsmKind(Interest.HISTORY, false, 45, 30);
            case "monument", "memorial" -> new OsmKind(Interest.HISTORY, false, 20, 25);
            default -> otherwise;
        };
    }

    private static @Nullable OsmKind leisureKind(String leisure) {
        return switch (leisure) {
            case "park" -> new OsmKind(Interest.NATURE, false, 60, 40);
            case "garden" -> new OsmKind(Interest.NATURE, false, 45, 35);
            default -> null;
        };
    }
}
