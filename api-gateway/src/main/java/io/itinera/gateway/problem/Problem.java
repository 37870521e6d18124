package io.itinera.gateway.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API answers with, rendered as {@code application/problem+json}. The {@code type} is a relative URI
 * ({@code /problems/<code>}) documented in {@code docs/api.md}.
 */
public class Problem extends ErrorResponseException {

    private final List<FieldProblem> errors;

    public Problem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public Problem(HttpStatus status, String code, String title, String detail, List<FieldProblem> errors) {
        super(status);
        getBody().setType(URI.create("/problems/" + code));
        getBody().setTitle(title);
        getBody().setDetail(detail);
        this.errors = List.copyOf(errors);
    }

    /**
     * A problem is an answer, not a fault: its stack is never logged, so it is not captured either (the cost of a
     * refusal under overload, or of a 400, should not depend on how deep the reactive chain is).
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Problem withHeader(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    public static Problem notFound(String what, String id) {
        return new Problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                what + " not found",
                "No " + what.toLowerCase(Locale.ROOT) + " with id '" + id + "' exists for this client.");
    }

    public static Problem unauthorized(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"itinera\"");
    }

    public static Problem invalidRequest(List<FieldProblem> errors) {
        return new Problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "The request body has " + errors.size() + (errors.size() == 1 ? " invalid field." : " invalid fields."),
                errors);
    }

    /** One invalid field: a JSON path such as {@code endDate} or {@code lodging.lat}, and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
