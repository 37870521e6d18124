package io.itinera.generation.benchmark;

import io.itinera.generation.search.SearchProblem;

/**
 * Turns a benchmark instance into a search problem in hundredths of a time unit. The travel time is the Euclidean
 * distance truncated to the instance's decimals, computed both exactly (integer square root of the squared distance in
 * thousandths) and in plain floating point, keeping the larger: a tour feasible with it is feasible under either
 * reading of the rule.
 */
public final class ToptwProblems {

    static final int SCALE = 100;

    private ToptwProblems() {}

    public static SearchProblem of(ToptwInstance instance, int tours) {
        int n = instance.places();
        SearchProblem.Builder builder = SearchProblem.builder(n, 0, tours);
        int[][] travel = new int[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                travel[i][j] = i == j ? 0 : hundredths(instance, i, j);
            }
        }
        builder.travelMatrix(travel);
        for (int i = 1; i <= n; i++) {
            builder.service(i, instance.service()[i] * SCALE);
            for (int t = 0; t < tours; t++) {
                builder.window(t, i, instance.open()[i] * SCALE, instance.close()[i] * SCALE, instance.score()[i]);
            }
        }
        for (int t = 0; t < tours; t++) {
            builder.tourHours(t, instance.open()[0] * SCALE, instance.close()[0] * SCALE);
        }
        return builder.build();
    }

    /** Travel time in hundredths, the larger of the exact and the floating-point truncation. */
    static int hundredths(ToptwInstance instance, int i, int j) {
        long dx = instance.x()[i] - instance.x()[j];
        long dy = instance.y()[i] - instance.y()[j];
        long squared = dx * dx + dy * dy;
        long root = isqrt(squared);
        long exact = instance.decimals() == 2 ? root / 10 : root / 100 * 10;
        double fx = instance.x()[i] / 1000.0 - instance.x()[j] / 1000.0;
        double fy = instance.y()[i] / 1000.0 - instance.y()[j] / 1000.0;
        double distance = Math.sqrt(fx * fx + fy * fy);
        long floating =
                instance.decimals() == 2 ? (long) Math.floor(distance * 100) : (long) Math.floor(distance * 10) * 10;
        return (int) Math.max(exact, floating);
    }

    static long isqrt(long value) {
        long r = (long) Math.sqrt((double) value);
        while (r * r > value) {
            r--;
        }
        while ((r + 1) * (r + 1) <= value) {
            r++;
        }
        return r;
    }
}
