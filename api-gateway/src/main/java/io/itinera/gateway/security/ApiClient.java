package io.itinera.gateway.security;

import org.springframework.web.server.ServerWebExchange;

/** The authenticated caller: every trip belongs to exactly one client. */
public record ApiClient(String id) {

    static final String ATTRIBUTE = ApiClient.class.getName();

    public static ApiClient of(ServerWebExchange exchange) {
        ApiClient client = exchange.getAttribute(ATTRIBUTE);
        if (client == null) {
            throw new IllegalStateException(
                    "no authenticated client on " + exchange.getRequest().getPath());
        }
        return client;
    }
}
