package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one point of interest in an operator's file, by name, checked one by one so that a refusal names the
 * field; {@code where} (file and line) prefixes every message.
 */
final class PoiFields {

    static final String DESTINATION_ID = "destinationId";
    private static final Pattern POI_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final int LONGEST_VISIT_MINUTES = 12 * 60;

    private final String where;
    private final Map<String, @Nullable String> values;

    PoiFields(String where, Map<String, @Nullable String> values) {
        this.where = where;
        this.values = values;
    }

    String destinationId() {
        return text(DESTINATION_ID).toLowerCase(Locale.ROOT);
    }

    CatalogPoi poi(String destinationId) {
        String id = text("id");
        if (!POI_ID.matcher(id).matches() || !id.startsWith(destinationId + ".")) {
            throw invalid("'id' must be '%s.<name>' in lower-case letters, digits and hyphens, not '%s'"
                    .formatted(destinationId, id));
        }
        return new CatalogPoi(
                id,
                text("name"),
                converted("category", Interest::fromWireName),
                new GeoPoint(number("lat", -90, 90), number("lon", -180, 180)),
                (int) whole("visitMinutes", 1, LONGEST_VISIT_MINUTES),
                converted("openingHours", OpeningHours::parse),
                flag("indoor"),
                (int) whole("priceLevel", 0, 3),
                (int) whole("popularity", 0, 100));
    }

    InvalidPoiFileException invalid(String problem) {
        return new InvalidPoiFileException(where + ": " + problem);
    }

    private String text(String field) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            throw invalid("'%s' is missing".formatted(field));
        }
        return value.strip();
    }

    private double number(String field, double min, double max) {
        try {
            double value = Double.parseDouble(text(field));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("'%s' must be a number from %s to %s, not '%s'".formatted(field, min, max, values.get(field)));
    }

    private long whole(String field, long min, long max) {
        try {
            long value = Long.parseLong(text(field));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(
                "'%s' must be a whole number from %d to %d, not '%s'".formatted(field, min, max, values.get(field)));
    }

    private boolean flag(String field) {
        String value = text(field).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid("'%s' must be true or false, not '%s'".formatted(field, values.get(field)));
        }
        return Boolean.parseBoolean(value);
    }

    private <T> T converted(String field, Function<String, T> converter) {
        String text = text(field);
        try {
            return converter.apply(text);
        } catch (RuntimeException e) {
            throw invalid("'%s' is invalid: %s".formatted(field, e.getMessage()));
        }
    }
}
