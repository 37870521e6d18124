package io.itinera.generation.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Greedy insertion: repeatedly inserts the unplanned place with the best value for the time it costs (value^power /
 * delay, perturbed by noise) at its cheapest feasible position, until nothing fits. The cheapest position of each place
 * on each tour is cached and recomputed only for the tour that changed.
 */
final class Repair {

    private final SearchProblem p;
    private final int[] candidates;
    private final int[][] bestPos;
    private final int[][] bestDelay;
    private final long[] seen;
    private final long[][] entryStamp;
    private final double[][] gainCache;
    private final long[][] gainStamp;
    private final int[] near;
    /** Insertion only looks between places among each other's 40 nearest. */
    private static final int NEIGHBOURS = 40;

    Repair(SearchProblem p) {
        this.p = p;
        int count = 0;
        int[] all = new int[p.places];
        for (int n = 1; n <= p.places; n++) {
            for (int t = 0; t < p.tours; t++) {
                if (p.close[t][n] != SearchProblem.CLOSED && p.score[t][n] > 0) {
                    all[count++] = n;
                    break;
                }
            }
        }
        this.candidates = Arrays.copyOf(all, count);
        this.bestPos = new int[p.tours][p.size];
        this.bestDelay = new int[p.tours][p.size];
        this.seen = new long[p.tours];
        Arrays.fill(seen, -1);
        this.entryStamp = new long[p.tours][p.size];
        this.gainCache = new double[p.tours][p.size];
        this.gainStamp = new long[p.tours][p.size];
        for (long[] row : entryStamp) {
            Arrays.fill(row, -1);
        }
        for (long[] row : gainStamp) {
            Arrays.fill(row, -1);
        }
        this.near = new int[p.size];
        for (int n : candidates) {
            near[n] = radius(n, NEIGHBOURS);
        }
    }

    /** Travel time to the k-th closest location, so that insertion only looks between places near each other. */
    private int radius(int n, int k) {
        if (p.places <= k) {
            return Integer.MAX_VALUE;
        }
        int[] times = new int[p.places + 1];
        for (int i = 0; i <= p.places; i++) {
            times[i] = Math.max(p.travel[n][i], p.travel[i][n]);
        }
        Arrays.sort(times);
        return times[Math.min(k, times.length - 1)];
    }

    int[] candidates() {
        return candidates;
    }

    /**
     * @param power exponent of the value in the ratio (1 or 2 are classic)
     * @param noise relative noise on the ratio, 0 for none
     */
    int fill(Solution s, double power, double noise, SplittableRandom random) {
        for (int t = 0; t < p.tours; t++) {
            if (seen[t] != s.tours[t].stamp) {
                recompute(s, t);
                seen[t] = s.tours[t].stamp;
            }
        }
        int inserted = 0;
        while (true) {
            int bestNode = -1;
            int bestTour = -1;
            double bestRatio = Double.NEGATIVE_INFINITY;
            for (int n : candidates) {
                if (!s.canVisit(n)) {
                    continue;
                }
                for (int t = 0; t < p.tours; t++) {
                    int pos = bestPos[t][n];
                    if (pos < 0) {
                        continue;
                    }
                    long stamp = s.tours[t].stamp;
                    if (gainStamp[t][n] != stamp) {
                        gainCache[t][n] = s.tours[t].gain(n);
                        gainStamp[t][n] = stamp;
                    }
                    double gain = gainCache[t][n];
                    if (gain <= 0) {
                        continue;
                    }
                    double value = power == 1 ? gain : power == 2 ? gain * gain : Math.pow(gain, power);
                    double ratio = value / Math.max(1, bestDelay[t][n]);
                    if (noise > 0) {
                        ratio *= 1 + noise * (random.nextDouble() * 2 - 1);
                    }
                    if (ratio > bestRatio) {
                        bestRatio = ratio;
                        bestNode = n;
                        bestTour = t;
                    }
                }
            }
            if (bestNode < 0) {
                return inserted;
            }
            if (entryStamp[bestTour][bestNode] != s.tours[bestTour].stamp) {
                // The tour changed since this entry was computed: refresh just this entry and choose again.
                recomputeOne(s, bestTour, bestNode);
                continue;
            }
            s.insert(bestTour, bestPos[bestTour][bestNode], bestNode);
            inserted++;
        }
    }

    private void recompute(Solution s, int t) {
        for (int n : candidates) {
            recomputeOne(s, t, n);
        }
    }

    /** The cheapest feasible position of the node on the tour, or -1. */
    private void recomputeOne(Solution s, int t, int n) {
        Tour tour = s.tours[t];
        int[] close = p.close[t];
        int[] open = p.open[t];
        int[][] travel = p.travel;
        bestPos[t][n] = -1;
        entryStamp[t][n] = tour.stamp;
        // Planned places get an entry too: it stays valid if they are taken out while the tour stays the same.
        if (close[n] == SearchProblem.CLOSED) {
            return;
        }
        int best = Integer.MAX_VALUE;
        int earliestDeparture = open[n] + p.service[n];
        int radius = near[n];
        for (int k = 0; k < tour.len - 1; k++) {
            // starts only grow along the tour: once one is past the closing time, no later position fits
            if (tour.start[k] > close[n]) {
                break;
            }
            if (tour.latest[k + 1] < earliestDeparture) {
                continue;
            }
            if (travel[tour.loc[k]][n] > radius && travel[n][tour.loc[k + 1]] > radius) {
                continue;
            }
            int d = tour.insertionDelay(k, n);
            if (d != Tour.INFEASIBLE && d < best) {
                best = d;
                bestPos[t][n] = k;
            }
        }
        bestDelay[t][n] = best;
    }
}
