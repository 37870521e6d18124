package io.itinera.gateway.live;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells the open event streams that this replica is shutting down. The context publishes {@link ContextClosedEvent}
 * before it stops anything (readiness turns to refusing traffic on the same event), so the streams end before the web
 * server's graceful shutdown starts waiting for them, instead of holding it for its whole timeout.
 */
@Component
public class ShutdownSignal implements ApplicationListener<ContextClosedEvent> {

    private final Sinks.One<Boolean> closing = Sinks.one();
    private final AtomicBoolean started = new AtomicBoolean();

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        started.set(true);
        closing.tryEmitValue(Boolean.TRUE);
    }

    public boolean started() {
        return started.get();
    }

    /** Emits once the shutdown has begun; at once for a subscriber that comes later. */
    public Mono<Boolean> closing() {
        return closing.asMono();
    }
}
