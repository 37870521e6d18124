package io.itinera.generation.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/** Hard: no visit starts after its closing time and every tour is back in time. Soft: collect the scores. */
public class ToptwConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            factory.forEach(TourEntity.class)
                    .filter(tour -> tour.lateness() > 0)
                    .penalizeLong(HardSoftLongScore.ONE_HARD, TourEntity::lateness)
                    .asConstraint("late"),
            factory.forEach(TourEntity.class)
                    .rewardLong(HardSoftLongScore.ONE_SOFT, TourEntity::score)
                    .asConstraint("score")
        };
    }
}
