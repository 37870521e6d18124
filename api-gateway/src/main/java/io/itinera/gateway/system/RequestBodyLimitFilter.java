package io.itinera.gateway.system;

import io.itinera.gateway.problem.Problem;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A cap on request bodies: a declared {@code Content-Length} over the limit is refused before anything is read, and a
 * chunked body is counted as it arrives and refused as soon as it passes the limit. Both answer {@code 413}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimitFilter implements WebFilter {

    private final long maxBytes;
    private final long maxKilobytes;

    RequestBodyLimitFilter(HttpProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.maxKilobytes = properties.maxRequestBody().toKilobytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (length >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // A declared length was checked above; no length and no transfer coding means no body (HTTP/1.1).
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Counted(request)).build());
    }

    private Problem tooLarge() {
        return new Problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                "Request bodies are limited to " + maxKilobytes + " KB.");
    }

    /** A body of unknown length, counted as it is read. */
    private final class Counted extends ServerHttpRequestDecorator {

        Counted(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
