package io.itinera.generation.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ruin and recreate with simulated-annealing acceptance for the team orienteering problem with time windows: each step
 * takes some places out of the current solution (at random, a run of consecutive visits, the least worthwhile, or a
 * cluster of related ones), greedily inserts unplanned places back by value per minute, and keeps the result by the
 * annealing rule; the search goes back to the best solution when it has stagnated for a while.
 */
public final class OrienteeringSearch {

    private static final Ruin.Kind[] KINDS = Ruin.Kind.values();

    // Settings chosen by measurement on the benchmark (ADR 0002), not per instance.
    /** Start temperature, in mean place scores. */
    private static final double START_TEMPERATURE = 2.0;
    /** Ruin up to this share of the planned places, and never more than RUIN_MOST. */
    private static final double RUIN_SHARE = 0.5;

    private static final int RUIN_MOST = 30;
    /** Largest relative noise on the insertion ratio. */
    private static final double NOISE = 1.0;
    /** Steps without a new best before the search goes back to the best. */
    private static final long RESTART_AFTER = 2000;

    private final SearchProblem p;
    private final Repair repair;
    private final Ruin ruin;
    private final LocalSearch local;

    public OrienteeringSearch(SearchProblem problem) {
        this.p = problem;
        this.repair = new Repair(problem);
        this.ruin = new Ruin(problem);
        this.local = new LocalSearch(problem, repair.candidates());
    }

    /** Local search until nothing improves: shorter tours, then insertion into the room they free, then swaps. */
    private void improve(Solution s, SplittableRandom random) {
        for (int round = 0; round < 10; round++) {
            boolean reordered = false;
            for (Tour tour : s.tours) {
                reordered |= local.improveOrder(tour);
            }
            boolean swapped = local.replace(s);
            if (!reordered && !swapped) {
                return;
            }
            if (repair.fill(s, 2, 0, random) == 0 && !swapped) {
                return;
            }
        }
    }

    public SearchResult solve(SearchLimits limits) {
        return solve(limits, (percent, value) -> {});
    }

    /** Whether the place fits on the tour on its own (with the tour's breaks). */
    public static boolean fitsAlone(SearchProblem problem, int node, int tour) {
        if (problem.close[tour][node] == SearchProblem.CLOSED) {
            return false;
        }
        Tour empty = new Tour(problem, tour);
        for (int k = 0; k < empty.len - 1; k++) {
            if (empty.insertionDelay(k, node) != Tour.INFEASIBLE) {
                return true;
            }
        }
        return false;
    }

    /** Told how far the search is, in percent of its budget, and the best value found so far. */
    @FunctionalInterface
    public interface Progress {
        void reached(int percent, double bestValue);
    }

    public SearchResult solve(SearchLimits limits, Progress listener) {
        long begin = System.nanoTime();
        long deadline = limits.timeLimitNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : begin + limits.timeLimitNanos();
        SplittableRandom random = new SplittableRandom(limits.seed());
        Solution current = new Solution(p);
        repair.fill(current, 2, 0, random);
        improve(current, random);
        Solution best = new Solution(current);
        Solution candidate = new Solution(current);
        double meanScore = meanScore();
        double startTemperature = START_TEMPERATURE * meanScore;
        long lastImprovement = 0;
        long iteration = 0;
        int nextReport = 25;
        while (iteration < limits.iterations()) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            double progress = limits.iterations() != Long.MAX_VALUE
                    ? (double) iteration / limits.iterations()
                    : (double) (now - begin) / (deadline - begin);
            double temperature = startTemperature * (1 - progress) + 1e-9;
            iteration++;
            int percent = (int) (progress * 100);
            if (percent >= nextReport) {
                listener.reached(percent, best.value());
                nextReport += 25;
            }
            candidate.copyFrom(current);
            int planned = planned(candidate);
            int most = Math.max(2, Math.min((int) (planned * RUIN_SHARE), RUIN_MOST));
            int count = 1 + random.nextInt(most);
            ruin.apply(KINDS[random.nextInt(KINDS.length)], candidate, count, random);
            repair.fill(candidate, random.nextBoolean() ? 1 : 2, random.nextDouble() * NOISE, random);
            improve(candidate, random);
            double delta = candidate.value() - current.value();
            if (better(candidate, best)) {
                best.copyFrom(candidate);
                lastImprovement = iteration;
            }
            boolean accept = delta > 1e-9
                    || (delta > -1e-9 && candidate.duration() <= current.duration())
                    || random.nextDouble() < Math.exp(delta / temperature);
            if (accept) {
                current.copyFrom(candidate);
            }
            if (iteration - lastImprovement > RESTART_AFTER) {
                current.copyFrom(best);
                lastImprovement = iteration;
            }
        }
        return result(best, iteration, System.nanoTime() - begin);
    }

    private static boolean better(Solution a, Solution b) {
        double d = a.value() - b.value();
        return d > 1e-9 || (d > -1e-9 && a.duration() < b.duration());
    }

    private int planned(Solution s) {
        int count = 0;
        for (Tour tour : s.tours) {
            count += tour.len - 2 - p.breaksOf[tour.index].length;
        }
        return count;
    }

    private double meanScore() {
        double sum = 0;
        int count = 0;
        for (int n : repair.candidates()) {
            for (int t = 0; t < p.tours; t++) {
                if (p.score[t][n] > 0) {
                    sum += p.score[t][n];
                    count++;
                }
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    private SearchResult result(Solution s, long iterations, long elapsed) {
        int[][] tours = new int[p.tours][];
        int[][] starts = new int[p.tours][];
        for (int t = 0; t < p.tours; t++) {
            Tour tour = s.tours[t];
            tours[t] = Arrays.copyOfRange(tour.node, 1, tour.len - 1);
            starts[t] = Arrays.copyOfRange(tour.start, 1, tour.len - 1);
        }
        return new SearchResult(s.value(), tours, starts, iterations, elapsed);
    }
}
