package io.itinera.gateway.system;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Asks for the next read of a keep-alive connection once an answer has been written, so that the connection never
 * stops being read. Reactor Netty 1.3 reads on demand and can forget to: a request that arrives before the previous
 * exchange has ended is queued, and when it is answered at once while its end is still queued, the queue drains
 * without a new read (<a href="https://github.com/reactor/reactor-netty/issues/4361">reactor-netty#4361</a>, fixed
 * after the version Boot 4.0 manages). The next request on that connection then waited for ever; a client that reuses
 * connections met it after any quick refusal (a rejected URL, a wrong key or content type). One more read is
 * harmless: what it brings is queued as pipelined requests are.
 */
@Component
@ChannelHandler.Sharable
class KeepAliveReads extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "itinera.keepAliveReads", this);
            }
        });
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
