package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates every {@code /api/} request by its {@code Authorization: Bearer ...} header: an API key, or, when the
 * OAuth2 resource-server mode is on, a JWT access token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;
    private final @Nullable JwtAuthenticator jwt;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, ObjectProvider<JwtAuthenticator> jwt) {
        this.keys = keys;
        this.jwt = jwt.getIfAvailable();
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
        String credential = header.substring(BEARER.length()).trim();
        Mono<Optional<ApiClient>> client = jwt != null && JwtAuthenticator.looksLikeJwt(credential)
                ? jwt.authenticate(credential)
                : Mono.fromSupplier(() -> keys.authenticate(credential));
        return client.flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.error(Problem.unauthorized(
                        jwt != null && JwtAuthenticator.looksLikeJwt(credential)
                                ? "The access token is not valid."
                                : "The API key is not valid."));
            }
            exchange.getAttributes().put(ApiClient.ATTRIBUTE, found.get());
            return chain.filter(exchange);
        });
    }
}
