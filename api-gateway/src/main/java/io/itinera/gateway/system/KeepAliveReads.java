package io.itinera.gateway.system;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Asks for the next read of a keep-alive connection once an answer has been written, so that the connection never
 * stops being read. Reactor Netty 1.3 reads on demand and can forget to: a request that arrives before the previous
 * exchange has ended is queued, and when it is answered at once while its end is still queued, the queue drains
 * without a new read (<a href="https://github.com/reactor/reactor-netty/issues/4361">reactor-netty#4361</a>, fixed
 * after the version Boot 4.0 manages). The next request on that connection then waited for ever; a client that reuses
 * connections met it after any quick refusal (a rejected URL, a wrong key or content type). One more read is
 * harmless: what it brings is queued as pipelined requests are.
 *
 * <p>Likewise, a request the codec could not decode (a request line or headers over the limits) that arrives before the
 * previous exchange has ended had its {@code 414}, {@code 431} or {@code 400} given to that exchange, already
 * answered, and was never answered: it is held back here until the previous exchange has ended (at most a second).
 */
@Component
@ChannelHandler.Sharable
class KeepAliveReads extends ChannelDuplexHandler implements NettyServerCustomizer {

    private static final int HOLD_STEPS = 100;
    private static final long HOLD_STEP_MILLIS = 10;

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "itinera.keepAliveReads", this);
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        read(context, message, 0);
    }

    private void read(ChannelHandlerContext context, Object message, int held) {
        if (message instanceof HttpRequest request
                && request.decoderResult().isFailure()
                && ChannelOperations.get(context.channel()) instanceof HttpServerRequest
                && held < HOLD_STEPS
                && context.channel().isActive()) {
            context.executor()
                    .schedule(() -> read(context, message, held + 1), HOLD_STEP_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        context.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof LastHttpContent) {
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> {
                if (done.isSuccess() && context.channel().isActive()) {
                    context.read();
                }
            });
            context.write(message, written);
            return;
        }
        context.write(message, promise);
    }
}
