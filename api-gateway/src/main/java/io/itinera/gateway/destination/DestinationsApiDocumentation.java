package io.itinera.gateway.destination;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the destination search, which is a gateway route rather than a controller, so springdoc cannot see it.
 */
@Component
class DestinationsApiDocumentation implements OpenApiCustomizer {

    static final String PATH = "/api/v1/destinations";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        Operation search = new Operation()
                .operationId("searchDestinations")
                .addTagsItem("Destinations")
                .summary("Search destinations")
                .description("Forgives accents, case and small typos; best matches first, then by population."
                        + " Served by api-enrichment behind a circuit breaker: 503 with Retry-After when it is down.")
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("q")
                        .required(true)
                        .description("What the traveller typed, e.g. lisbo")
                        .schema(new Schema<String>().type("string")))
                .addParametersItem(new Parameter()
                        .in("query")
                        .name("limit")
                        .required(false)
                        .description("How many matches, 1 to 50")
                        .schema(new Schema<Integer>().type("integer")))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("Matching destinations")
                                        .content(new Content()
                                                .addMediaType(
                                                        "application/json",
                                                        new MediaType().schema(new Schema<>().type("object")))))
                        .addApiResponse("503", new ApiResponse().description("Destination search unavailable")));
        openApi.path(PATH, new PathItem().get(search));
    }
}
