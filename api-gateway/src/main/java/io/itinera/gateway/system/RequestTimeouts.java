package io.itinera.gateway.system;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * Bounds how long Reactor Netty waits for a request: without it, a request that declares more body than it sends
 * keeps its connection open for ever. Both timeouts fail the request's body, which the problem handler answers with
 * {@code 408}; the connection is then closed.
 */
@Component
class RequestTimeouts implements NettyServerCustomizer {

    private final HttpProperties properties;

    RequestTimeouts(HttpProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.readTimeout(properties.requestReadTimeout()).requestTimeout(properties.requestTimeout());
    }
}
