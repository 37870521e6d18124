package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Authenticates every {@code /api/} request by its {@code Authorization: Bearer <key>} header. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;

    ApiKeyAuthenticationFilter(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")
                || exchange.getRequest().getMethod() == HttpMethod.OPTIONS) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(Problem.unauthorized("Send your API key as 'Authorization: Bearer <key>'."));
        }
        Optional<ApiClient> client =
                keys.authenticate(header.substring(BEARER.length()).trim());
        if (client.isEmpty()) {
            return Mono.error(Problem.unauthorized("The API key is not valid."));
        }
        exchange.getAttributes().put(ApiClient.ATTRIBUTE, client.get());
        return chain.filter(exchange);
    }
}
