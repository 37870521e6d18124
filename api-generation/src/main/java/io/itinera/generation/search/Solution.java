package io.itinera.generation.search;

import java.util.Arrays;

/** A set of tours, one per tour index, and which place sits on which tour. */
final class Solution {

    final SearchProblem p;
    final Tour[] tours;
    /** The tour of each node, or -1. */
    final int[] tourOf;
    /** How many nodes of each exclusive group are planned (0 or 1). */
    final int[] groupUsed;

    Solution(SearchProblem p) {
        this.p = p;
        this.tours = new Tour[p.tours];
        for (int t = 0; t < p.tours; t++) {
            tours[t] = new Tour(p, t);
        }
        this.tourOf = new int[p.size];
        Arrays.fill(tourOf, -1);
        this.groupUsed = new int[p.size];
    }

    Solution(Solution other) {
        this.p = other.p;
        this.tours = new Tour[other.tours.length];
        for (int t = 0; t < tours.length; t++) {
            tours[t] = new Tour(other.tours[t]);
        }
        this.tourOf = other.tourOf.clone();
        this.groupUsed = other.groupUsed.clone();
    }

    void copyFrom(Solution other) {
        for (int t = 0; t < tours.length; t++) {
            tours[t].copyFrom(other.tours[t]);
        }
        System.arraycopy(other.tourOf, 0, tourOf, 0, tourOf.length);
        System.arraycopy(other.groupUsed, 0, groupUsed, 0, groupUsed.length);
    }

    double value() {
        double v = 0;
        for (Tour tour : tours) {
            v += tour.value;
        }
        return v;
    }

    /** Sum over tours of the time between leaving and coming back: less leaves more room. */
    long duration() {
        long d = 0;
        for (Tour tour : tours) {
            if (tour.len > 2) {
                d += tour.end() - p.tourOpen[tour.index];
            }
        }
        return d;
    }

    boolean canVisit(int node) {
        return tourOf[node] < 0 && groupUsed[p.group[node]] == 0;
    }

    void insert(int tour, int afterPosition, int node) {
        tours[tour].insert(afterPosition, node);
        tourOf[node] = tour;
        groupUsed[p.group[node]]++;
    }

    void removeAt(int tour, int position) {
        int node = tours[tour].removeAt(position);
        tourOf[node] = -1;
        groupUsed[p.group[node]]--;
    }

    /** The tours' visits in order, breaks and depot left out. */
    int[][] routes() {
        int[][] routes = new int[tours.length][];
        for (int t = 0; t < tours.length; t++) {
            Tour tour = tours[t];
            routes[t] = Arrays.stream(tour.node, 1, tour.len - 1)
                    .filter(n -> !p.isBreak(n))
                    .toArray();
        }
        return routes;
    }
}
