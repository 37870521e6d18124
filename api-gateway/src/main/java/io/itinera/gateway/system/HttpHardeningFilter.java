package io.itinera.gateway.system;

import io.itinera.gateway.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Secure response headers on every answer of the API, and a cap on request bodies before they are read. HSTS is set
 * by Traefik, which terminates TLS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class HttpHardeningFilter implements WebFilter {

    private final HttpProperties properties;

    HttpHardeningFilter(HttpProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            // API answers are data, never pages: nothing may frame, run or cache them.
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > properties.maxRequestBody().toBytes()) {
            return Mono.error(new Problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    "Request bodies are limited to "
                            + properties.maxRequestBody().toKilobytes() + " KB."));
        }
        return chain.filter(exchange);
    }
}
