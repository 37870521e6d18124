package io.itinera.generation.search;

import java.util.Arrays;

/**
 * The best solution a search found.
 *
 * @param tours per tour, the visited nodes in order: places and breaks (nodes above the problem's place count), the
 *     depot left out
 * @param starts per tour, the earliest service start of each of those nodes
 * @param iterations how many ruin-and-recreate steps ran
 */
public record SearchResult(double value, int[][] tours, int[][] starts, long iterations, long elapsedNanos) {

    /** The places of one tour in order, breaks left out. */
    public int[] places(int tour, int placeCount) {
        return Arrays.stream(tours[tour]).filter(n -> n <= placeCount).toArray();
    }
}
