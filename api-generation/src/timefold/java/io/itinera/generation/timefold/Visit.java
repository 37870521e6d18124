package io.itinera.generation.timefold;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A benchmark vertex to visit (a planning value of the tours' list variable). */
public class Visit {

    @PlanningId
    int id;

    public Visit() {}

    Visit(int id) {
        this.id = id;
    }

    public int getId() {
        return id;
    }
}
