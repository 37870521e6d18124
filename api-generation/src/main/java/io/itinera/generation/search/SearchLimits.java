package io.itinera.generation.search;

/**
 * When a search stops: after {@code iterations} ruin-and-recreate steps, or at the deadline, whichever comes first. A
 * search that stops on iterations is deterministic for its seed; the deadline is a safety net.
 *
 * @param timeLimitNanos wall-clock budget from the start of the search, or {@link Long#MAX_VALUE}
 */
public record SearchLimits(long iterations, long timeLimitNanos, long seed) {

    public static SearchLimits ofMillis(long millis, long seed) {
        return new SearchLimits(Long.MAX_VALUE, millis * 1_000_000L, seed);
    }
}
