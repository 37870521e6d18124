package io.itinera.gateway.destination;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents destination search and lookup, which are a gateway route to api-enrichment rather than controllers, so
 * springdoc cannot see them. Error responses are added with every other operation's (system.ApiContract).
 */
@Component
@Order(0)
class DestinationsApiDocumentation implements OpenApiCustomizer {

    static final String PATH = "/api/v1/destinations";
    private static final String TAG = "Destinations";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.addTagsItem(new Tag()
                .name(TAG)
                .description("Destination search over about 3,000 world cities, served by api-enrichment"));
        openApi.getComponents()
                .addSchemas("Destination", destination())
                .addSchemas("DestinationSearch", search())
                .addSchemas("CoveredDestination", covered())
                .addSchemas("DestinationCoverage", coverage());
        Operation search = new Operation()
                .addTagsItem(TAG)
                .summary("Search destinations")
                .description("Forgives accents, case and small typos; best matches first, then by population."
                        + " Served by api-enrichment behind a circuit breaker: 503 with Retry-After when it is down.")
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("q")
                        .required(true)
                        .description("What the traveller typed, e.g. lisbo")
                        .schema(type("string").minLength(1).maxLength(100)))
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("limit")
                        .required(false)
                        .description("How many matches")
                        .schema(type("integer")
                                .format("int32")
                                .minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(50))
                                ._default(10)))
                .responses(
                        new ApiResponses().addApiResponse("200", json("Matching destinations", "DestinationSearch")));
        Operation byId = new Operation()
                .addTagsItem(TAG)
                .summary("Get a destination")
                .description("One destination by its id; pass the id as a trip's destinationId to pin a name.")
                .addParametersItem(new Parameter()
                        .in("path")
                        .name("id")
                        .required(true)
                        .description("A destination id, e.g. lisbon")
                        .schema(type("string")))
                .responses(new ApiResponses().addApiResponse("200", json("The destination", "Destination")));
        Operation coverage = new Operation()
                .addTagsItem(TAG)
                .summary("Which destinations can be planned")
                .description("The destinations with points of interest offline, and whether any other can be planned"
                        + " (a live provider is on). A trip elsewhere is refused with 422"
                        + " /problems/destination-not-covered.")
                .responses(new ApiResponses()
                        .addApiResponse("200", json("The destinations that can be planned", "DestinationCoverage")));
        openApi.path(PATH, new PathItem().get(search));
        openApi.path(PATH + "/coverage", new PathItem().get(coverage));
        openApi.path(PATH + "/{id}", new PathItem().get(byId));
    }

    private static ApiResponse json(String description, String schema) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + schema))));
    }

    private static Schema<?> destination() {
        Schema<?> destination = type("object")
                .description("A destination of the catalog")
                .addProperty("id", type("string").description("Pass as a trip's destinationId"))
                .addProperty("name", type("string"))
                .addProperty("country", type("string").description("ISO 3166-1 alpha-2"))
                .addProperty("lat", type("number").format("double"))
                .addProperty("lon", type("number").format("double"))
                .addProperty("population", type("integer").format("int32"))
                .addProperty("timeZone", type("string").description("IANA time zone, e.g. Europe/Lisbon"))
                .addProperty("currency", type("string").description("ISO 4217"))
                .addProperty("curated", type("boolean").description("Whether curated points of interest exist"))
                .addProperty(
                        "plannable",
                        type("boolean")
                                .description("Whether a trip can be planned there: points of interest offline, or a"
                                        + " live provider on"))
                .addProperty("matchedName", type("string").description("The name the query matched"))
                .addProperty(
                        "match",
                        type("string")
                                .description("How the name matched")
                                ._enum(List.of("exact", "prefix", "typo", "typo-prefix")));
        destination.setRequired(List.of(
                "id",
                "name",
                "country",
                "lat",
                "lon",
                "population",
                "timeZone",
                "currency",
                "curated",
                "plannable",
                "matchedName",
                "match"));
        return destination;
    }

    private static Schema<?> search() {
        Schema<?> search = type("object")
                .description("Matching destinations, best first")
                .addProperty("query", type("string"))
                .addProperty("count", type("integer").format("int32"))
                .addProperty("results", type("array").items(new JsonSchema().$ref("#/components/schemas/Destination")));
        search.setRequired(List.of("query", "count", "results"));
        return search;
    }

    private static Schema<?> covered() {
        Schema<?> covered = type("object")
                .description("A destination with points of interest offline")
                .addProperty("id", type("string"))
                .addProperty("name", type("string"))
                .addProperty("country", type("string").description("ISO 3166-1 alpha-2"));
        covered.setRequired(List.of("id", "name", "country"));
        return covered;
    }

    private static Schema<?> coverage() {
        Schema<?> coverage = type("object")
                .description("Which destinations a trip can be planned for")
                .addProperty(
                        "anyDestination",
                        type("boolean")
                                .description(
                                        "Whether a live provider is on, so that any destination can be" + " planned"))
                .addProperty("count", type("integer").format("int32"))
                .addProperty(
                        "offline",
                        type("array").items(new JsonSchema().$ref("#/components/schemas/CoveredDestination")));
        coverage.setRequired(List.of("anyDestination", "count", "offline"));
        return coverage;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema type(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
    }
}
