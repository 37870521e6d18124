package io.itinera.generation.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/** One tour: the visits in order; places may stay unassigned. Times in hundredths, as in the search engine. */
@PlanningEntity
public class TourEntity {

    @PlanningId
    int id;

    @PlanningListVariable(allowsUnassignedValues = true)
    List<Visit> visits = new ArrayList<>();

    Data data;

    public TourEntity() {}

    TourEntity(int id, Data data) {
        this.id = id;
        this.data = data;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    /** How late the tour is, summed over late visits and the return (0 when feasible). */
    long lateness() {
        long late = 0;
        long time = data.open[0];
        int at = 0;
        for (Visit v : visits) {
            time = Math.max(time + data.travel[at][v.id], data.open[v.id]);
            if (time > data.close[v.id]) {
                late += time - data.close[v.id];
            }
            time += data.service[v.id];
            at = v.id;
        }
        time += data.travel[at][0];
        return late + Math.max(0, time - data.close[0]);
    }

    long score() {
        long sum = 0;
        for (Visit v : visits) {
            sum += data.score[v.id];
        }
        return sum;
    }

    /** The instance's arrays, shared by all tours. */
    record Data(int[][] travel, int[] service, int[] open, int[] close, int[] score) {}
}
