package io.itinera.gateway.system;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Gives the answers Reactor Netty sends on its own, for requests it cannot decode (a request line over the limit:
 * {@code 414}; headers over the limit: {@code 431}; a malformed request line or header: {@code 400}), a problem+json
 * body like every other error, instead of an empty one. Those answers never reach Spring, so this rewrites them on the
 * way out, right after the HTTP codec; they are recognized by what only Netty sends: an empty {@code FullHttpResponse}
 * with one of those statuses, no content type and {@code Connection: close}. (HTTP/2 decoding failures are not
 * rewritten; the gateway serves HTTP/1.1 behind Traefik.)
 */
@Component
@ChannelHandler.Sharable
class HttpDecodingProblems extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

    private static final Map<Integer, byte[]> BODIES = Map.of(
            400,
            body(400, "bad-request", "Bad request", "The request line or a header is malformed."),
            414,
            body(414, "uri-too-long", "URI too long", "The request line is longer than this API accepts."),
            431,
            body(
                    431,
                    "request-header-fields-too-large",
                    "Request headers too large",
                    "The request headers are larger than this API accepts."));

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "itinera.decodingProblems", this);
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        byte[] problem = message instanceof FullHttpResponse response ? problemFor(response) : null;
        if (problem == null) {
            context.write(message, promise);
            return;
        }
        FullHttpResponse response = (FullHttpResponse) message;
        FullHttpResponse replaced = response.replace(Unpooled.wrappedBuffer(problem));
        response.release();
        replaced.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, problem.length);
        context.write(replaced, promise);
    }

    private static byte @Nullable [] problemFor(FullHttpResponse response) {
        HttpResponseStatus status = response.status();
        if (response.content().isReadable()
                || response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                || !response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
            return null;
        }
        return BODIES.get(status.code());
    }

    private static byte[] body(int status, String code, String title, String detail) {
        return ("{\"type\":\"/problems/" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
