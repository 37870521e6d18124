package io.itinera.gateway.state;

import java.util.function.Function;
import reactor.core.publisher.Flux;

/** Watches of a read model as signals a reader follows. */
public final class Updates {

    private Updates() {}

    /**
     * Signals once at once and then after every update, latest only, until cancelled. The watch is in place before the
     * first signal, so no update between a read and the watch is missed.
     *
     * @param watch starts watching one id with the given listener; closing the handle stops it
     */
    public static Flux<Boolean> of(Function<Runnable, AutoCloseable> watch) {
        return Flux.<Boolean>create(sink -> {
                    AutoCloseable watching = watch.apply(() -> sink.next(true));
                    sink.onDispose(() -> {
                        try {
                            watching.close();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    sink.next(true);
                })
                .onBackpressureLatest();
    }
}
