package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller: every trip belongs to exactly one client. The id is namespaced by how the client
 * authenticated: API-key clients keep their configured id (which may not contain {@code :}), JWT clients are
 * {@code jwt:<client_id or sub>}, so a token can never name an API-key client.
 */
public record ApiClient(String id) {

    static final String ATTRIBUTE = ApiClient.class.getName();
    static final String JWT_PREFIX = "jwt:";

    static ApiClient apiKey(String clientId) {
        return new ApiClient(clientId);
    }

    static ApiClient jwt(String subject) {
        return new ApiClient(JWT_PREFIX + subject);
    }

    /** The client Spring Security authenticated for this request; a 401 problem if there is none. */
    public static ApiClient of(ServerWebExchange exchange) {
        ApiClient client = exchange.getAttribute(ATTRIBUTE);
        if (client == null) {
            // Unreachable while the security chain covers /api/**; never a 500 if a route slips through.
            throw Problem.unauthorized(ProblemAuthenticationEntryPoint.NO_CREDENTIALS);
        }
        return client;
    }
}
