package io.itinera.gateway.problem;

import io.itinera.gateway.problem.Problem.FieldProblem;
import io.netty.handler.timeout.TimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error of the public API as RFC 9457 {@code application/problem+json}: our own {@link Problem}s, Spring's
 * validation and decoding errors (with one {@code errors[]} entry per field), unknown routes and unexpected failures.
 * It runs before Spring Boot's default handler, so errors raised in filters (authentication) look the same.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;

    private static final String REQUEST_TIMEOUT_EXCEPTION = "reactor.netty.http.server.RequestTimeoutException";

    public ProblemWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Rendered rendered = render(error);
        rendered.body().put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(HttpStatusCode.valueOf(rendered.status()));
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders());
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(rendered.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private Rendered render(Throwable error) {
        if (error instanceof Problem problem) {
            return Rendered.of(problem.getBody(), problem.errors());
        }
        if (error instanceof WebExchangeBindException invalid) {
            List<FieldProblem> errors = invalid.getFieldErrors().stream()
                    .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList();
            return Rendered.of(Problem.invalidRequest(errors).getBody(), errors);
        }
        if (error instanceof ServerWebInputException unreadable) {
            List<FieldProblem> errors = JsonInputErrors.describe(unreadable);
            Problem problem = errors.isEmpty()
                    ? new Problem(
                            HttpStatus.BAD_REQUEST,
                            "invalid-request",
                            "Invalid request",
                            JsonInputErrors.summary(unreadable))
                    : Problem.invalidRequest(errors);
            return Rendered.of(problem.getBody(), errors);
        }
        if (error instanceof NoResourceFoundException) {
            // Spring's detail speaks of static resources: a client asked for a route the API does not have.
            return Rendered.of(
                    new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No such resource.").getBody(),
                    List.of());
        }
        if (error instanceof ErrorResponse errorResponse) {
            ProblemDetail body = errorResponse.getBody();
            HttpStatusCode status = errorResponse.getStatusCode();
            if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
                body.setType(URI.create("/problems/" + slug(status)));
            }
            return Rendered.of(body, List.of());
        }
        if (receivedTooSlowly(error)) {
            Problem timeout = new Problem(
                    HttpStatus.REQUEST_TIMEOUT,
                    "request-timeout",
                    "Request timeout",
                    "The request was not received in time.");
            return Rendered.of(timeout.getBody(), List.of());
        }
        log.error("unexpected error", error);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
        body.setType(URI.create("/problems/internal-error"));
        body.setTitle("Internal error");
        return Rendered.of(body, List.of());
    }

    /**
     * The request timeouts of {@code RequestTimeouts} surface here: Netty's read timeout as a {@link TimeoutException},
     * Reactor Netty's whole-request timeout as its own exception, which is package-private, hence the name.
     */
    private static boolean receivedTooSlowly(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getName().equals(REQUEST_TIMEOUT_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private record Rendered(int status, Map<String, Object> body) {

        static Rendered of(ProblemDetail detail, List<FieldProblem> errors) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(
                    "type",
                    detail.getType() == null ? "about:blank" : detail.getType().toString());
            HttpStatus status = HttpStatus.resolve(detail.getStatus());
            body.put(
                    "title",
                    detail.getTitle() != null
                            ? detail.getTitle()
                            : status == null ? "Error" : status.getReasonPhrase());
            body.put("status", detail.getStatus());
            if (detail.getDetail() != null) {
                body.put(
                        "detail",
                        new String(detail.getDetail().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            if (detail.getProperties() != null) {
                detail.getProperties().forEach(body::putIfAbsent);
            }
            return new Rendered(detail.getStatus(), body);
        }
    }
}
