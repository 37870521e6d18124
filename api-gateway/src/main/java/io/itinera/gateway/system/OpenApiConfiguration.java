package io.itinera.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's frame: title, version, and the bearer API key every operation needs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI itineraOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Itinera API")
                        .version("v1")
                        .description("Plan feasible day-by-day trips. Errors are RFC 9457 problem details;"
                                + " see docs/api.md for conventions."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Authorization: Bearer <API key>")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
