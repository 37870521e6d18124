package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's {@code CorsWebFilter} applies it, except that a refused cross-origin request (an origin, method or
 * header not allowed) answers {@code 403} problem+json like every other error, instead of an empty {@code 403}.
 */
final class CorsProblemFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // Answered with the problem below.
        }
    };

    CorsProblemFilter(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
            return Mono.error(new Problem(
                    HttpStatus.FORBIDDEN,
                    "cross-origin-refused",
                    "Cross-origin request refused",
                    "This origin, method or header is not allowed to call the API from a browser."));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
