package io.itinera.events.generation;

import java.util.List;

/**
 * A day-by-day plan.
 *
 * @param planner which planner produced it, e.g. {@code greedy}
 * @param totalScore sum of the day scores
 */
public record Itinerary(String planner, double totalScore, List<ItineraryDay> days) {}
