package io.itinera.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What springdoc cannot infer from the controllers and routes: stable operation ids, every status the gateway really
 * answers (each error with the problem schema), {@code 202} with {@code Location} for accepted work, live events as
 * {@code text/event-stream}, and the constraints of parameters that are checked in code.
 */
final class ApiContract implements OpenApiCustomizer {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Errors any operation can answer: a rejected URL or header, no credential, a refused browser origin, an
     * unacceptable {@code Accept}, a request line or headers over the limits, over budget, our fault, not ready. (The
     * API fuzzer in api-gateway's tests fails on any status an operation answers that is not documented here.)
     */
    private static final List<Integer> ALWAYS = List.of(400, 401, 403, 406, 414, 429, 431, 500, 503);

    private record Shape(String operationId, int success, List<Integer> errors) {}

    private static final Map<String, Shape> OPERATIONS = Map.ofEntries(
            Map.entry("post /api/v1/trips", new Shape("createTrip", 202, List.of(408, 409, 413, 415, 422))),
            Map.entry("get /api/v1/trips", new Shape("listTrips", 200, List.of())),
            Map.entry("get /api/v1/trips/{id}", new Shape("getTrip", 200, List.of(404))),
            Map.entry("delete /api/v1/trips/{id}", new Shape("cancelTrip", 200, List.of(404, 409))),
            Map.entry("get /api/v1/trips/{id}/events", new Shape("followTrip", 200, List.of(404))),
            Map.entry("post /api/v1/proposals", new Shape("createProposal", 202, List.of(408, 413, 415, 422))),
            Map.entry("get /api/v1/proposals/{id}", new Shape("getProposal", 200, List.of(404))),
            Map.entry("get /api/v1/proposals/{id}/events", new Shape("followProposal", 200, List.of(404))),
            Map.entry("get /api/v1/destinations", new Shape("searchDestinations", 200, List.of())),
            Map.entry("get /api/v1/destinations/{id}", new Shape("getDestination", 200, List.of(404))),
            Map.entry("get /api/v1/destinations/coverage", new Shape("getDestinationCoverage", 200, List.of())));

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "Invalid request: `errors[]` names each field; also a rejected URL or a malformed header"),
            Map.entry(401, "No credential, or an unknown API key or invalid access token"),
            Map.entry(404, "No such resource for this client"),
            Map.entry(403, "A browser request from an origin (or with a method or header) CORS does not allow"),
            Map.entry(406, "The Accept header excludes every media type the operation answers with"),
            Map.entry(408, "The request body stopped arriving, or the request took too long to arrive"),
            Map.entry(414, "Request line over 4 KB"),
            Map.entry(431, "Request headers over 8 KB"),
            Map.entry(
                    409,
                    "The trip finished while it was being cancelled (cancel), or the first request with this Idempotency-Key"
                            + " is still in flight (create; retry after Retry-After seconds)"),
            Map.entry(413, "Request body over the limit"),
            Map.entry(415, "The body is not application/json"),
            Map.entry(
                    422,
                    "Idempotency-Key reused with a different body, or (trips) a destination that cannot be planned:"
                            + " covered[] lists those that can"),
            Map.entry(
                    429,
                    "Over the client's rate limit (retry after Retry-After seconds); or (create trip) the client's cap"
                            + " of open trips (`/problems/too-many-open-trips`: wait until one finishes); or (live"
                            + " events) the client's cap of open streams (`/problems/too-many-streams`) or this"
                            + " replica's (`/problems/streams-at-capacity`, with Retry-After)"),
            Map.entry(500, "Our fault; logged with the request id"),
            Map.entry(
                    503,
                    "Not ready, a dependency is down, or overloaded (`/problems/overloaded`: more trips in hand than"
                            + " can be finished within the admission target); retry after Retry-After seconds"));

    @Override
    public void customise(OpenAPI openApi) {
        // Here rather than in the OpenAPI bean: springdoc drops schemas no operation references yet.
        problemSchemas(openApi.getComponents());
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Shape shape = OPERATIONS.get(method.name().toLowerCase(Locale.ROOT) + " " + path);
                    if (shape != null) {
                        apply(path, operation, shape);
                    }
                }));
        // springdoc's schema for Flux<ServerSentEvent<...>>, replaced by liveEvents() and no longer referenced.
        openApi.getComponents().getSchemas().keySet().removeIf(name -> name.startsWith("ServerSentEvent"));
        if (openApi.getTags() != null) {
            openApi.getTags().sort(Comparator.comparing(Tag::getName));
        }
    }

    private static void apply(String path, Operation operation, Shape shape) {
        operation.setOperationId(shape.operationId());
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (shape.success() == 202) {
            accepted(responses, path);
        }
        if (path.endsWith("/events")) {
            liveEvents(Objects.requireNonNull(responses.get("200"), path + " has no 200 response"));
        }
        if (shape.operationId().equals("cancelTrip")) {
            responses.addApiResponse(
                    "202", new ApiResponse().description("Cancellation or erasure recorded, not yet visible; durable"));
            responses.addApiResponse(
                    "204", new ApiResponse().description("Erased: the trip had ended, and is gone for good"));
        }
        Stream.concat(ALWAYS.stream(), shape.errors().stream())
                .distinct()
                .forEach(status -> responses.addApiResponse(Integer.toString(status), problem(status)));
        TreeMap<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
        operation.setResponses(responses);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiContract::constrain);
        }
    }

    /** springdoc documents the ResponseEntity as 200; the gateway answers 202 with where to follow the work. */
    private static void accepted(ApiResponses responses, String path) {
        ApiResponse ok = responses.remove("200");
        ApiResponse accepted = new ApiResponse()
                .description("Accepted: follow the Location")
                .content(ok == null ? null : ok.getContent())
                .addHeaderObject(
                        "Location",
                        new Header()
                                .required(true)
                                .description("Where to follow the accepted work, e.g. " + path + "/{id}")
                                .schema(type("string")));
        if (path.endsWith("/trips")) {
            accepted.addHeaderObject(
                    "Idempotent-Replayed",
                    new Header()
                            .description("true when an earlier request with the same Idempotency-Key created it")
                            .schema(type("string")));
        }
        responses.addApiResponse("202", accepted);
    }

    /** Server-Sent Events: the body is a stream, each event's data a ProgressEntry (docs/api.md). */
    private static void liveEvents(ApiResponse ok) {
        Schema<?> stream = type("string")
                .format("binary")
                .description("Server-Sent Events until the terminal status: `id:` the entry's sequence (resume with"
                        + " Last-Event-ID), `event:` `status` or `progress`, `data:` one ProgressEntry as JSON;"
                        + " a comment every 15 s of silence.");
        MediaType events = new MediaType().schema(stream);
        events.addExtension("x-event-data", Map.of("$ref", "#/components/schemas/ProgressEntry"));
        ok.description("The live history, as Server-Sent Events")
                .content(new Content().addMediaType("text/event-stream", events));
    }

    private static void constrain(Parameter parameter) {
        switch (parameter.getName()) {
            case "limit" -> {
                if (parameter.getSchema() != null && parameter.getSchema().getDefault() != null) {
                    parameter.getSchema().setMinimum(BigDecimal.ONE);
                    parameter.getSchema().setMaximum(BigDecimal.valueOf(100));
                }
            }
            case "Idempotency-Key" -> {
                parameter.getSchema().setMinLength(1);
                parameter.getSchema().setMaxLength(255);
                parameter.getSchema().setPattern("^[\\x21-\\x7E]+$");
            }
            case "Last-Event-ID" -> parameter.getSchema().setPattern("^[0-9]+$");
            default -> {}
        }
    }

    private static ApiResponse problem(int status) {
        ApiResponse response = new ApiResponse()
                .description(MEANINGS.get(status))
                .content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new JsonSchema().$ref(PROBLEM))));
        if (status == 429 || status == 503) {
            response.addHeaderObject(
                    "Retry-After", new Header().description("Seconds to wait").schema(type("integer")));
        }
        return response;
    }

    /** RFC 9457 problem details, as every error is answered. */
    private static Components problemSchemas(Components components) {
        Schema<?> fieldProblem = type("object")
                .description("One invalid field and what is wrong with it")
                .addProperty("field", type("string").description("A JSON path such as endDate or lodging.lat"))
                .addProperty("message", type("string"));
        fieldProblem.setRequired(List.of("field", "message"));
        Schema<?> problem = type("object")
                .description("An error, as RFC 9457 problem details")
                .addProperty("type", type("string").description("/problems/<code>, documented in docs/api.md"))
                .addProperty("title", type("string"))
                .addProperty("status", type("integer").format("int32"))
                .addProperty("detail", type("string"))
                .addProperty("instance", type("string").description("The request path"))
                .addProperty("errors", type("array").items(new JsonSchema().$ref("#/components/schemas/FieldProblem")))
                .addProperty(
                        "covered",
                        type("array")
                                .description("With /problems/destination-not-covered: the destinations that can be"
                                        + " planned offline")
                                .items(new JsonSchema().$ref("#/components/schemas/CoveredDestination")));
        problem.setRequired(List.of("type", "title", "status"));
        return components.addSchemas("Problem", problem).addSchemas("FieldProblem", fieldProblem);
    }

    static Schema<?> type(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
    }
}
