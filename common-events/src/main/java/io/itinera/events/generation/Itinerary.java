package io.itinera.events.generation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A day-by-day plan.
 *
 * @param planner which planner produced it, e.g. {@code greedy}
 * @param totalScore sum of the day scores
 * @param leftOut the candidates the plan does not visit that would have scored highest, and every must-see it could
 *     not place, each with the reason
 */
public record Itinerary(
        String planner,
        double totalScore,
        List<ItineraryDay> days,
        @Nullable List<LeftOutPoi> leftOut) {}
