package io.itinera.generation.search;

import java.util.Arrays;

/**
 * Improves a solution without ruining it: reorders each tour to travel less (2-opt and moving runs of one to three
 * visits), swaps an unplanned place in for a planned one of less value where it fits in place, and lets insertion use
 * any room this frees.
 */
final class LocalSearch {

    private final SearchProblem p;
    private final int[] seq;
    private final int[] seqLoc;

    /** Per tour, the places open on it, best score first. */
    private final int[][] byScore;

    LocalSearch(SearchProblem p, int[] candidates) {
        this.p = p;
        this.seq = new int[p.size + 2];
        this.seqLoc = new int[p.size + 2];
        this.byScore = new int[p.tours][];
        for (int t = 0; t < p.tours; t++) {
            double[] score = p.score[t];
            int[] close = p.close[t];
            byScore[t] = Arrays.stream(candidates)
                    .filter(n -> close[n] != SearchProblem.CLOSED)
                    .boxed()
                    .sorted((a, b) -> Double.compare(score[b], score[a]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    /** Reorders the tour while that shortens its travel; true when it changed. */
    boolean improveOrder(Tour tour) {
        boolean changed = false;
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 50) {
            improved = twoOpt(tour) || orOpt(tour);
            changed |= improved;
        }
        return changed;
    }

    private boolean twoOpt(Tour tour) {
        boolean withBreaks = p.breaksOf[tour.index].length > 0;
        int len = tour.len;
        int[] node = tour.node;
        int[] loc = tour.loc;
        int[][] t = p.travel;
        for (int i = 1; i < len - 2; i++) {
            for (int j = i + 1; j < len - 1; j++) {
                // reverse positions i..j
                int before = t[loc[i - 1]][loc[i]] + t[loc[j]][loc[j + 1]];
                int after = t[loc[i - 1]][loc[j]] + t[loc[i]][loc[j + 1]];
                if (after >= before && (!withBreaks || hasBreak(node, i, j + 1) == false)) {
                    continue;
                }
                int k = 0;
                for (int q = 0; q < i; q++) {
                    seq[k++] = node[q];
                }
                for (int q = j; q >= i; q--) {
                    seq[k++] = node[q];
                }
                for (int q = j + 1; q < len; q++) {
                    seq[k++] = node[q];
                }
                if (shorterAndFeasible(tour, k)) {
                    apply(tour, k);
                    return true;
                }
            }
        }
        return false;
    }

    private boolean orOpt(Tour tour) {
        boolean withBreaks = p.breaksOf[tour.index].length > 0;
        int len = tour.len;
        int[] node = tour.node;
        int[] loc = tour.loc;
        int[][] t = p.travel;
        for (int size = 1; size <= 3; size++) {
            for (int i = 1; i + size - 1 < len - 1; i++) {
                int last = i + size - 1;
                int removeGain = t[loc[i - 1]][loc[i]] + t[loc[last]][loc[last + 1]] - t[loc[i - 1]][loc[last + 1]];
                for (int g = 0; g < len - 1; g++) {
                    if (g >= i - 1 && g <= last) {
                        continue;
                    }
                    int addCost = t[loc[g]][loc[i]] + t[loc[last]][loc[g + 1]] - t[loc[g]][loc[g + 1]];
                    if (addCost >= removeGain
                            && (!withBreaks || (!hasBreak(node, i - 1, last + 1) && !hasBreak(node, g, g + 1)))) {
                        continue;
                    }
                    int k = 0;
                    for (int q = 0; q < len; q++) {
                        if (q >= i && q <= last) {
                            continue;
                        }
                        seq[k++] = node[q];
                        if (q == g) {
                            for (int r = i; r <= last; r++) {
                                seq[k++] = node[r];
                            }
                        }
                    }
                    if (shorterAndFeasible(tour, k)) {
                        apply(tour, k);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean hasBreak(int[] node, int from, int to) {
        for (int q = from; q <= to; q++) {
            if (node[q] > p.places) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code seq[0..len)} is feasible on the tour and travels strictly less than the tour does now. */
    private boolean shorterAndFeasible(Tour tour, int len) {
        int ti = tour.index;
        int[] open = p.open[ti];
        int[] close = p.close[ti];
        int time = p.tourOpen[ti];
        int travel = 0;
        seqLoc[0] = 0;
        for (int k = 1; k < len; k++) {
            int n = seq[k];
            seqLoc[k] = n > p.places ? seqLoc[k - 1] : n;
            int leg = p.travel[seqLoc[k - 1]][seqLoc[k]];
            travel += leg;
            time += p.service[seq[k - 1]] + leg;
            if (k == len - 1) {
                if (time > p.tourClose[ti]) {
                    return false;
                }
            } else {
                if (time < open[n]) {
                    time = open[n];
                }
                if (time > close[n]) {
                    return false;
                }
            }
        }
        return travel < travelOf(tour);
    }

    private int travelOf(Tour tour) {
        int travel = 0;
        for (int k = 1; k < tour.len; k++) {
            travel += p.travel[tour.loc[k - 1]][tour.loc[k]];
        }
        return travel;
    }

    private void apply(Tour tour, int len) {
        System.arraycopy(seq, 0, tour.node, 0, len);
        tour.len = len;
        tour.refresh();
    }

    /**
     * Swaps an unplanned place in for a planned one, in place, where that raises the tour's value and keeps it feasible;
     * true when it did.
     */
    boolean replace(Solution s) {
        boolean changed = false;
        for (Tour tour : s.tours) {
            int ti = tour.index;
            int[] open = p.open[ti];
            int[] close = p.close[ti];
            for (int k = 1; k < tour.len - 1; k++) {
                int old = tour.node[k];
                if (old > p.places) {
                    continue;
                }
                double loss = tour.loss(k);
                int bestNode = -1;
                double bestNet = 1e-9;
                for (int n : byScore[ti]) {
                    double net = p.score[ti][n] - loss;
                    if (net <= bestNet) {
                        break;
                    }
                    if (!s.canVisit(n)) {
                        continue;
                    }
                    if (fitsInPlace(tour, k, n)) {
                        bestNet = net;
                        bestNode = n;
                    }
                }
                if (bestNode >= 0) {
                    double before = tour.value;
                    tour.node[k] = bestNode;
                    tour.refresh();
                    if (tour.value > before + 1e-9) {
                        s.tourOf[old] = -1;
                        s.groupUsed[p.group[old]]--;
                        s.tourOf[bestNode] = ti;
                        s.groupUsed[p.group[bestNode]]++;
                        changed = true;
                    } else {
                        tour.node[k] = old;
                        tour.refresh();
                    }
                }
            }
        }
        return changed;
    }

    /** Whether node n can take the place of the node at position k, the rest of the tour unchanged. */
    private boolean fitsInPlace(Tour tour, int k, int n) {
        int ti = tour.index;
        int arrival = tour.start[k - 1] + p.service[tour.node[k - 1]] + p.travel[tour.loc[k - 1]][n];
        int s = Math.max(arrival, p.open[ti][n]);
        if (s > p.close[ti][n]) {
            return false;
        }
        int depart = s + p.service[n];
        int q = k + 1;
        while (q < tour.len - 1 && tour.node[q] > p.places) {
            int b = tour.node[q];
            int bs = Math.max(depart, p.open[ti][b]);
            if (bs > p.close[ti][b]) {
                return false;
            }
            depart = bs + p.service[b];
            q++;
        }
        return depart + p.travel[n][tour.loc[q]] <= tour.latest[q];
    }
}
