package io.itinera.harness.load;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Reads one top-level string field of a JSON object with the streaming parser, stopping as soon as it is found. */
final class JsonFields {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFields() {}

    static @Nullable String topLevel(String json, String field) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
