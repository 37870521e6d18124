package io.itinera.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the served OpenAPI document, as the fuzzer and the authorization matrix read it: where it lives,
 * what it takes, and every status it documents. New operations are picked up without touching the tests.
 */
public record ApiOperation(
        String method,
        String path,
        String operationId,
        Set<Integer> statuses,
        List<Parameter> parameters,
        JsonNode bodySchema,
        JsonNode document) {

    /** A query, header or path parameter and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {}

    public static List<ApiOperation> all(JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    JsonNode operation = entry.getValue();
                    Set<Integer> statuses = new TreeSet<>();
                    operation
                            .get("responses")
                            .propertyNames()
                            .forEach(status -> statuses.add(Integer.parseInt(status)));
                    List<Parameter> parameters = new ArrayList<>();
                    operation
                            .path("parameters")
                            .forEach(parameter -> parameters.add(new Parameter(
                                    parameter.get("name").asString(),
                                    parameter.get("in").asString(),
                                    parameter.path("required").asBoolean(false),
                                    parameter.path("schema"))));
                    JsonNode body = operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    operations.add(new ApiOperation(
                            entry.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            operation.get("operationId").asString(),
                            statuses,
                            parameters,
                            body,
                            document));
                }));
        return operations;
    }

    public boolean takesBody() {
        return !bodySchema.isMissingNode();
    }

    public boolean hasId() {
        return path.contains("{id}");
    }

    /** The path with its id. */
    public String at(String id) {
        return path.replace("{id}", id);
    }

    /** A schema with its {@code $ref} followed. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.get("$ref").asString().replace("#/components/schemas/", "");
            resolved = document.get("components").get("schemas").get(name);
        }
        return resolved;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + operationId + ")";
    }
}
