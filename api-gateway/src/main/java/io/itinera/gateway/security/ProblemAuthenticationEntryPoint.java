package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's refusals as the API's problems: {@code 401} with {@code WWW-Authenticate} and {@code 403}, raised
 * as errors so that {@link io.itinera.gateway.problem.ProblemWebExceptionHandler} renders them like every other error.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String NO_CREDENTIALS = "Send your API key as 'Authorization: Bearer <key>'.";

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException rejected) {
        // Only our own messages reach the client; anything else from the framework gets the generic one.
        String message = rejected.getMessage();
        String detail = rejected instanceof BadCredentialsException && message != null ? message : NO_CREDENTIALS;
        return Mono.error(Problem.unauthorized(detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.error(
                new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This client may not use this resource."));
    }
}
