package io.itinera.gateway.system;

import io.itinera.gateway.problem.Problem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A cap on request bodies before they are read. (Secure response headers are Spring Security's, see
 * {@code security.SecurityConfiguration}.)
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
