package io.itinera.generation.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.math.BigInteger;

/**
 * Replays routes under the benchmark's rules, independently of the solver: each tour leaves the depot at its opening
 * time, travels the Euclidean distance truncated to the instance's decimals, starts each visit at max(arrival, O) which
 * must not be after C, and is back at the depot by the depot's C; no vertex is visited twice. The replay runs twice,
 * once in plain floating point as the rules are written (with a tolerance of 10⁻⁶ for the drift of summed
 * decimals) and once in exact integer arithmetic, and a route must pass both.
 */
public final class ToptwVerifier {

    private ToptwVerifier() {}

    /** The outcome of a replay: the total score, and every broken rule (empty when the routes are feasible). */
    public record Replay(int score, List<String> violations) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public static Replay replay(ToptwInstance instance, int[][] routes) {
        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int score = 0;
        for (int t = 0; t < routes.length; t++) {
            for (int node : routes[t]) {
                if (node < 1 || node > instance.places()) {
                    violations.add("tour %d: %d is not a vertex to visit".formatted(t + 1, node));
                    return new Replay(score, violations);
                }
                if (!seen.add(node)) {
                    violations.add("tour %d: %d is visited twice".formatted(t + 1, node));
                }
                score += instance.score()[node];
            }
            replayFloating(instance, routes[t], t, violations);
            replayExact(instance, routes[t], t, violations);
        }
        return new Replay(score, violations);
    }

    /** Sums of truncated decimals drift in binary floating point (0.1 + 0.2 > 0.3); this much is not lateness. */
    private static final double EPSILON = 1e-6;

    private static void replayFloating(ToptwInstance instance, int[] route, int t, List<String> violations) {
        double factor = Math.pow(10, instance.decimals());
        double time = instance.open()[0];
        int at = 0;
        for (int node : route) {
            time += Math.floor(distance(instance, at, node) * factor) / factor;
            time = Math.max(time, instance.open()[node]);
            if (time > instance.close()[node] + EPSILON) {
                violations.add("tour %d: visit of %d starts at %.2f, after its closing time %d"
                        .formatted(t + 1, node, time, instance.close()[node]));
            }
            time += instance.service()[node];
            at = node;
        }
        time += Math.floor(distance(instance, at, 0) * factor) / factor;
        if (time > instance.close()[0] + EPSILON) {
            violations.add("tour %d: back at the depot at %.2f, after %d".formatted(t + 1, time, instance.close()[0]));
        }
    }

    private static double distance(ToptwInstance instance, int from, int to) {
        double dx = instance.x()[from] / 1000.0 - instance.x()[to] / 1000.0;
        double dy = instance.y()[from] / 1000.0 - instance.y()[to] / 1000.0;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Times in hundredths; the distance truncated from the exact integer square root. */
    private static void replayExact(ToptwInstance instance, int[] route, int t, List<String> violations) {
        long time = instance.open()[0] * 100L;
        int at = 0;
        for (int node : route) {
            time += exactHundredths(instance, at, node);
            time = Math.max(time, instance.open()[node] * 100L);
            if (time > instance.close()[node] * 100L) {
                violations.add("tour %d: visit of %d starts at %d/100 in exact arithmetic, after %d"
                        .formatted(t + 1, node, time, instance.close()[node]));
            }
            time += instance.service()[node] * 100L;
            at = node;
        }
        time += exactHundredths(instance, at, 0);
        if (time > instance.close()[0] * 100L) {
            violations.add("tour %d: back at the depot at %d/100 in exact arithmetic, after %d"
                    .formatted(t + 1, time, instance.close()[0]));
        }
    }

    private static long exactHundredths(ToptwInstance instance, int from, int to) {
        long dx = instance.x()[from] - instance.x()[to];
        long dy = instance.y()[from] - instance.y()[to];
        long root = BigInteger.valueOf(dx * dx + dy * dy).sqrt().longValueExact();
        return instance.decimals() == 2 ? root / 10 : root / 100 * 10;
    }
}
