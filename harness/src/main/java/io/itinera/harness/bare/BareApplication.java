package io.itinera.harness.bare;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yardsticks of the accept path: {@code POST /api/v1/trips} decoded from JSON and answered {@code 202} with a
 * {@code Location} and the same small body as the gateway, by WebFlux on Netty with nothing else (no security,
 * validation, observation or actuator). Bare, it sends nothing; given a broker ({@code harness.kafka}) it is issue
 * 10's reference for goal 3, a plain handler plus an acks=all Kafka send: the decoded body is written back to JSON
 * and sent, and the answer waits for the broker's acknowledgement.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    NettyReactiveWebServerAutoConfiguration.class,
    HttpHandlerAutoConfiguration.class,
    WebFluxAutoConfiguration.class,
    ErrorWebFluxAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    CodecsAutoConfiguration.class
})
public class BareApplication {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    static final String KAFKA = "harness.kafka";

    @Bean
    @ConditionalOnProperty(KAFKA)
    AcknowledgedSend acknowledgedSend(Environment environment) {
        return new AcknowledgedSend(environment.getRequiredProperty(KAFKA));
    }

    @Bean
    RouterFunction<ServerResponse> trips(ObjectProvider<AcknowledgedSend> kafka, JsonMapper json) {
        AcknowledgedSend send = kafka.getIfAvailable();
        return RouterFunctions.route(
                RequestPredicates.POST("/api/v1/trips"),
                request -> request.bodyToMono(JSON_OBJECT).flatMap(body -> {
                    String id = UUID.randomUUID().toString();
                    Mono<Void> sent = send == null ? Mono.empty() : send.send(id, json.writeValueAsBytes(body));
                    return sent.then(Mono.defer(() -> accepted(id)));
                }));
    }

    private static Mono<ServerResponse> accepted(String id) {
        String self = "/api/v1/trips/" + id;
        return ServerResponse.accepted()
                .location(URI.create(self))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "status", "PENDING", "links", Map.of("self", self)));
    }

    /** @param port the HTTP port (accept.sh uses 8088; 0 for any free one) */
    public static ConfigurableApplicationContext start(int port) {
        return start(port, null);
    }

    /**
     * @param kafka a broker's bootstrap servers to send every request to before answering (the reference), or
     *     {@code null} for the bare endpoint
     */
    public static ConfigurableApplicationContext start(int port, @Nullable String kafka) {
        SpringApplication application = new SpringApplication(BareApplication.class);
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        application.setBannerMode(Banner.Mode.OFF);
        // No application.yml of a service on the classpath may configure this application.
        Map<String, Object> properties =
                new HashMap<>(Map.of("spring.config.name", "itinera-harness-none", "server.port", port));
        if (kafka != null) {
            properties.put(KAFKA, kafka);
        }
        application.setDefaultProperties(properties);
        return application.run();
    }
}
