package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer credential (an API key or a JWT) from the one {@code Authorization} header. No header means an
 * anonymous request (refused later for {@code /api/**}); two headers are a client error, never "the first one wins".
 */
final class BearerCredentials implements ServerAuthenticationConverter {

    private static final String BEARER = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        List<String> headers = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (headers.isEmpty()) {
            return Mono.empty();
        }
        if (headers.size() > 1) {
            return Mono.error(new Problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    "Send exactly one Authorization header."));
        }
        String header = headers.get(0);
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new BadCredentialsException(ProblemAuthenticationEntryPoint.NO_CREDENTIALS));
        }
        String credential = header.substring(BEARER.length()).strip();
        if (credential.isEmpty()) {
            return Mono.error(new BadCredentialsException(ProblemAuthenticationEntryPoint.NO_CREDENTIALS));
        }
        return Mono.just(new BearerTokenAuthenticationToken(credential));
    }
}
