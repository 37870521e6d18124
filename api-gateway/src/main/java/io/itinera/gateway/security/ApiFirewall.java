package io.itinera.gateway.security;

import io.itinera.gateway.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses URLs whose raw and decoded forms could be read differently, before any security decision or routing: Spring
 * Security's strict firewall (no {@code ;} parameters, no encoded {@code / . % \}, no {@code .} or {@code ..}
 * segments, no control characters, only the usual methods), plus no percent-encoded unreserved characters
 * ({@code /%61pi} is {@code /api} in disguise, RFC 3986 section 6.2.2.2). Rejections answer {@code 400} problem+json.
 */
final class ApiFirewall implements ServerWebExchangeFirewall, ServerExchangeRejectedHandler {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        if (hasEncodedUnreserved(exchange.getRequest().getURI().getRawPath())) {
            return Mono.error(new ServerExchangeRejectedException("percent-encoded unreserved character in the path"));
        }
        return strict.getFirewalledExchange(exchange);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        // The exception's message quotes the request; the client gets a fixed explanation instead.
        return Mono.error(new Problem(
                HttpStatus.BAD_REQUEST,
                "rejected-request",
                "Request rejected",
                "The URL is not in normalized form: no ';' parameters, no encoded '/', '.', '%' or unreserved"
                        + " characters, no '.' or '..' segments, no control characters."));
    }

    static boolean hasEncodedUnreserved(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < rawPath.length(); i = rawPath.indexOf('%', i + 1)) {
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high >= 0 && low >= 0 && UNRESERVED.indexOf((char) (high * 16 + low)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
