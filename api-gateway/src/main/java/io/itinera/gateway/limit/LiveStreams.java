package io.itinera.gateway.limit;

import io.itinera.gateway.problem.Problem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Counts the live-event streams this replica serves, per client and in all, and refuses one beyond either cap with
 * {@code 429}: an open stream holds a connection and a watch for as long as the client keeps it.
 */
@Component
public class LiveStreams {

    static final String OPEN = "itinera.live.streams";

    private final ClientLimitsProperties limits;
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public LiveStreams(ClientLimitsProperties limits, MeterRegistry meters) {
        this.limits = limits;
        Gauge.builder(OPEN, total, AtomicInteger::get)
                .description("Live-event streams open on this replica")
                .register(meters);
    }

    /** The stream, counted while it is open; a {@code 429} problem instead when a cap is reached. */
    public <T> Flux<T> counted(String clientId, Flux<T> stream) {
        return Flux.defer(() -> {
            if (!limits.enabled()) {
                return stream;
            }
            if (total.incrementAndGet() > limits.streamsPerReplica()) {
                total.decrementAndGet();
                return Flux.error(replicaFull());
            }
            int cap = limits.of(clientId).streams();
            AtomicBoolean admitted = new AtomicBoolean();
            byClient.compute(clientId, (id, open) -> {
                int now = open == null ? 0 : open;
                if (now >= cap) {
                    return open;
                }
                admitted.set(true);
                return now + 1;
            });
            if (!admitted.get()) {
                total.decrementAndGet();
                return Flux.error(clientFull(cap));
            }
            AtomicBoolean released = new AtomicBoolean();
            return stream.doFinally(signal -> {
                if (released.compareAndSet(false, true)) {
                    byClient.computeIfPresent(clientId, (id, open) -> open <= 1 ? null : open - 1);
                    total.decrementAndGet();
                }
            });
        });
    }

    private static Problem clientFull(int cap) {
        return new Problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-streams",
                "Too many live-event streams",
                "This client may follow " + cap + " streams at once on one replica; close one first.");
    }

    /** Another replica, or this one a moment later, may have room: worth a retry. */
    private static Problem replicaFull() {
        return new Problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "streams-at-capacity",
                        "Live-event streams at capacity",
                        "This replica serves as many live-event streams as it can; retry after the indicated delay.")
                .withHeader(HttpHeaders.RETRY_AFTER, "5");
    }
}
