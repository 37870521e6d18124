package io.itinera.gateway.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The earliest deadline of the open trips (or proposals) of each saga task on this replica, as of its last scan. How
 * far the clock is past the earliest one is near zero while the saga ends overdue ones, and grows when it cannot:
 * trips or proposals stranded.
 */
final class OpenDeadlines {

    private final Map<String, Instant> earliestByTask = new ConcurrentHashMap<>();
    private final Clock clock;

    OpenDeadlines(Clock clock) {
        this.clock = clock;
    }

    void update(String task, @Nullable Instant earliest) {
        if (earliest == null) {
            earliestByTask.remove(task);
        } else {
            earliestByTask.put(task, earliest);
        }
    }

    void forget(String task) {
        earliestByTask.remove(task);
    }

    /** Seconds since the earliest open deadline passed; 0 when none has. */
    double overdueSeconds() {
        Instant now = clock.instant();
        return earliestByTask.values().stream()
                .min(Instant::compareTo)
                .filter(now::isAfter)
                .map(earliest -> Duration.between(earliest, now).toMillis() / 1000.0)
                .orElse(0.0);
    }
}
