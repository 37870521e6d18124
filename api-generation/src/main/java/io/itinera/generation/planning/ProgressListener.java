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
}
