package io.itinera.enrichment.catalog;

import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** One object of a catalog file; every problem it reports names the file, the entry's position and its id. */
final class CatalogEntry {

    private final String file;
    private final int index;
    private final JsonNode node;

    CatalogEntry(String file, int index, JsonNode node) {
        this.file = file;
        this.index = index;
        this.node = node;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw invalid("'%s' must be a non-empty string".formatted(field));
        }
        return value.stringValue();
    }

    /** An optional list of strings; empty when absent. */
    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()
                || !value.values().stream()
                        .allMatch(item -> item.isString() && !item.stringValue().isBlank())) {
            throw invalid("'%s' must be a list of non-empty strings".formatted(field));
        }
        return value.values().stream().map(JsonNode::stringValue).toList();
    }

    double number(String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            throw invalid("'%s' must be a number from %s to %s".formatted(field, min, max));
        }
        return value.doubleValue();
    }

    int integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null
                || !value.isIntegralNumber()
                || !value.canConvertToInt()
                || value.intValue() < min
                || value.intValue() > max) {
            throw invalid("'%s' must be a whole number from %d to %d".formatted(field, min, max));
        }
        return value.intValue();
    }

    boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw invalid("'%s' must be true or false".formatted(field));
        }
        return value.booleanValue();
    }

    /** A string field turned into a value; the converter's exception message explains a refusal. */
    <T> T converted(String field, Function<String, T> converter) {
        String text = text(field);
        try {
            return converter.apply(text);
        } catch (RuntimeException e) {
            throw invalid("'%s' is invalid: %s".formatted(field, e.getMessage()), e);
        }
    }

    InvalidCatalogException invalid(String problem) {
        return new InvalidCatalogException(where() + problem);
    }

    private InvalidCatalogException invalid(String problem, Throwable cause) {
        return new InvalidCatalogException(where() + problem, cause);
    }

    private String where() {
        JsonNode id = node.get("id");
        String label = id != null && id.isString() ? " (" + id.stringValue() + ")" : "";
        return "%s, entry %d%s: ".formatted(file, index, label);
    }
}
