package io.itinera.generation.planning;

import io.itinera.events.generation.ItineraryDay;

/** Told by a planner each time it has planned one more day. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param dayNumber 1 for the first day
     * @param totalDays how many days the trip has
     */
    void dayPlanned(ItineraryDay day, int dayNumber, int totalDays);

    /**
     * Told while a planner searches the whole trip before any day is final.
     *
     * @param percent how much of the trip's progress the search stands for so far, below the first day's share
     * @param bestScore the best total score found so far
     */
    default void searching(int percent, double bestScore) {}
}
