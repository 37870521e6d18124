package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates every {@code /api/} request by its {@code Authorization: Bearer <key>} header: the key's SHA-256 is
 * compared in constant time with the configured hashes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyProperties properties;

    ApiKeyAuthenticationFilter(ApiKeyProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(Problem.unauthorized("Send your API key as 'Authorization: Bearer <key>'."));
        }
        Optional<ApiClient> client =
                authenticate(header.substring(BEARER.length()).trim());
        if (client.isEmpty()) {
            return Mono.error(Problem.unauthorized("The API key is not valid."));
        }
        exchange.getAttributes().put(ApiClient.ATTRIBUTE, client.get());
        return chain.filter(exchange);
    }

    Optional<ApiClient> authenticate(String key) {
        byte[] presented = sha256(key);
        ApiClient match = null;
        for (ApiKeyProperties.ApiKey candidate : properties.apiKeys()) {
            // Check every key so that timing does not reveal which one nearly matched.
            if (MessageDigest.isEqual(presented, HexFormat.of().parseHex(candidate.sha256()))) {
                match = new ApiClient(candidate.clientId());
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
