package io.itinera.gateway.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.itinera.gateway.problem.Problem.FieldProblem;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a body that JSON decoding rejected into field-level messages a client developer can act on. */
final class JsonInputErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"");

    private JsonInputErrors() {}

    static List<FieldProblem> describe(ServerWebInputException error) {
        JacksonException cause = jacksonCause(error);
        if (cause == null || cause instanceof StreamConstraintsException) {
            return List.of();
        }
        String message = cause.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message == null ? "" : message);
        if (duplicate.find()) {
            return List.of(new FieldProblem(duplicate.group(1), "appears more than once"));
        }
        String field = cause.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (field.isEmpty()) {
            return List.of();
        }
        return List.of(new FieldProblem(field, messageFor(cause)));
    }

    static String summary(ServerWebInputException error) {
        String reason = error.getReason();
        if (reason != null && reason.contains("No request body")) {
            return "The request body is missing.";
        }
        if (jacksonCause(error) instanceof StreamConstraintsException) {
            return "The request body exceeds this API's JSON limits (nesting depth, string, name or number length).";
        }
        return "The request body is not valid JSON for this endpoint.";
    }

    private static String messageFor(JacksonException cause) {
        if (cause instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (cause instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null
                && mismatched.getTargetType().isEnum()) {
            // Also an index such as "pace": 1: enums are sent by name only.
            return "must be one of " + allowedValues(mismatched.getTargetType());
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            Class<?> target = invalid.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + allowedValues(target);
            }
            return "must be a valid " + describeType(target);
        }
        if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be a valid " + describeType(mismatched.getTargetType());
        }
        return "is malformed";
    }

    private static String describeType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Integer", "int", "Long", "long" -> "integer";
            case "Double", "double" -> "number";
            case "List" -> "array";
            default -> type.getSimpleName().toLowerCase(Locale.ROOT);
        };
    }

    /** The values a client may send, as they appear on the wire. */
    static String allowedValues(Class<?> enumType) {
        return Arrays.stream(enumType.getFields())
                .filter(Field::isEnumConstant)
                .map(f -> {
                    JsonProperty property = f.getAnnotation(JsonProperty.class);
                    return property != null ? property.value() : f.getName();
                })
                .collect(Collectors.joining(", "));
    }

    private static @Nullable JacksonException jacksonCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
