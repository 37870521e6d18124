package io.itinera.generation.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/** The tours and the visits they may take. */
@PlanningSolution
public class ToptwSolution {

    @PlanningEntityCollectionProperty
    List<TourEntity> tours;

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    List<Visit> visits;

    @PlanningScore
    HardSoftLongScore score;

    public ToptwSolution() {}

    ToptwSolution(List<TourEntity> tours, List<Visit> visits) {
        this.tours = tours;
        this.visits = visits;
    }

    public List<TourEntity> getTours() {
        return tours;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
