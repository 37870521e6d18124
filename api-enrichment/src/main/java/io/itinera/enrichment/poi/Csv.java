package io.itinera.enrichment.poi;

import java.util.ArrayList;
import java.util.List;

/** One CSV line split into fields, or one field written (RFC 4180: commas, double quotes around a field, {@code ""} for a quote). */
final class Csv {

    private Csv() {}

    /** A field in double quotes, quotes doubled; a line break becomes a space, since a record is one line. */
    static String quoted(String value) {
        return '"' + value.replaceAll("[\\r\\n]+", " ").replace("\"", "\"\"") + '"';
    }

    static List<String> fields(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidPoiFileException(where + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
