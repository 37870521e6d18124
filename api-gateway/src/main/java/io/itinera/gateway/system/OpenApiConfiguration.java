package io.itinera.gateway.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document's frame (title, version, server, the bearer credential every operation needs, the problem
 * schema) and, once every path is known, the contract details springdoc cannot infer ({@link ApiContract}). The
 * document is checked in as {@code docs/openapi.json}; a test keeps it equal to what is served.
 */
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
                                + " see docs/api.md for conventions.")
                        .contact(new Contact().name("Itinera").url("https://github.com/itinera/itinera"))
                        .license(new License().name("Proprietary").url("https://github.com/itinera/itinera")))
                .servers(List.of(new Server().url("/").description("The gateway that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Authorization: Bearer <API key or JWT access token>")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** After every other customizer (the destinations route adds its paths first). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer apiContract() {
        return new ApiContract();
    }
}
