package io.itinera.events.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.itinera.events.serde.RawJson;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives a JSON Schema (2020-12) from an event record the way {@code EventJson} writes it: every component a
 * property, {@code @Nullable} ones optional, no other properties allowed. The checked-in schemas are its output, and
 * a test fails when they drift from the records.
 */
final class RecordSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordSchemas() {}

    static ObjectNode schemaOf(Class<?> event, String fileName) {
        Map<String, ObjectNode> definitions = new TreeMap<>();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:itinera:schemas:" + fileName.replace(".schema.json", "") + ":v1");
        root.put("title", event.getSimpleName());
        root.setAll(objectSchema(event, definitions));
        if (!definitions.isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            definitions.forEach(defs::set);
        }
        return root;
    }

    static String render(ObjectNode schema) {
        return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    }

    private static ObjectNode objectSchema(Class<?> type, Map<String, ObjectNode> definitions) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        String typeId = typeIdOf(type);
        if (typeId != null) {
            properties.putObject("type").put("const", typeId);
            required.add("type");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            AnnotatedType annotated = component.getAnnotatedType();
            ObjectNode property = schemaFor(annotated.getType(), definitions);
            if (annotated.isAnnotationPresent(Nullable.class)) {
                ObjectNode nullable = NODES.objectNode();
                nullable.putArray("anyOf").add(property).add(NODES.objectNode().put("type", "null"));
                properties.set(component.getName(), nullable);
            } else {
                properties.set(component.getName(), property);
                required.add(component.getName());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode schemaFor(Type type, Map<String, ObjectNode> definitions) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", schemaFor(arguments[0], definitions));
                return array;
            }
            if (raw == RawJson.class) {
                // Raw JSON is written as the value it holds.
                return schemaFor(arguments[0], definitions);
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", schemaFor(arguments[1], definitions));
                return map;
            }
            throw new IllegalArgumentException("unsupported generic type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (c == double.class || c == Double.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == UUID.class) {
            return NODES.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return NODES.objectNode().put("type", "string").put("format", "date");
        }
        if (c == LocalTime.class) {
            return NODES.objectNode()
                    .put("type", "string")
                    .put("pattern", "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$");
        }
        if (c.isEnum()) {
            ObjectNode enumeration = NODES.objectNode().put("type", "string");
            ArrayNode values = enumeration.putArray("enum");
            Arrays.stream(c.getFields()).filter(Field::isEnumConstant).forEach(f -> {
                JsonProperty property = f.getAnnotation(JsonProperty.class);
                values.add(property != null ? property.value() : f.getName());
            });
            return enumeration;
        }
        if (c.isRecord()) {
            if (!definitions.containsKey(c.getSimpleName())) {
                definitions.put(c.getSimpleName(), NODES.objectNode()); // placeholder against recursion
                definitions.put(c.getSimpleName(), objectSchema(c, definitions));
            }
            return NODES.objectNode().put("$ref", "#/$defs/" + c.getSimpleName());
        }
        throw new IllegalArgumentException("unsupported type " + c.getName());
    }

    /** The short type token a polymorphic command carries on the wire, if any. */
    private static @Nullable String typeIdOf(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            if (parent.isAnnotationPresent(JsonTypeInfo.class) && parent.isAnnotationPresent(JsonSubTypes.class)) {
                for (JsonSubTypes.Type subtype :
                        parent.getAnnotation(JsonSubTypes.class).value()) {
                    if (subtype.value() == type) {
                        // The token written is the name, or the first of the names (the rest are read only).
                        return subtype.name().isEmpty() ? subtype.names()[0] : subtype.name();
                    }
                }
            }
        }
        return null;
    }
}
