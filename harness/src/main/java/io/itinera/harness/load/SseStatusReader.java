package io.itinera.harness.load;

import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a trip's Server-Sent Events line by line and reports the status of every {@code event:status} (the
 * {@code data:} line is a history entry with a top-level {@code status}).
 */
final class SseStatusReader implements Flow.Subscriber<String> {

    private final Consumer<String> statusListener;
    private @Nullable String event;

    SseStatusReader(Consumer<String> statusListener) {
        this.statusListener = statusListener;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            event = null;
        } else if (line.startsWith("event:")) {
            event = line.substring(6).trim();
        } else if (line.startsWith("data:") && "status".equals(event)) {
            String status = JsonFields.topLevel(line.substring(5).trim(), "status");
            if (status != null) {
                statusListener.accept(status);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {}

    @Override
    public void onComplete() {}
}
