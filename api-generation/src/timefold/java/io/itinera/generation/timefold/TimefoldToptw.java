package io.itinera.generation.timefold;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.itinera.generation.benchmark.ToptwInstance;
import io.itinera.generation.benchmark.ToptwVerifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.math.BigInteger;

/**
 * Solves TOPTW instances with Timefold Solver's default construction heuristic and local search, for the engine
 * comparison of ADR 0002. Same CSV as {@code toptw.sh}; a solution with hard violations scores 0. Usage: {@code
 * INSTANCE_DIR OUT_CSV TOURS TIME_LIMIT_MS}.
 */
public final class TimefoldToptw {

    private TimefoldToptw() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int m = Integer.parseInt(args[2]);
        long limit = Long.parseLong(args[3]);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            csv.println("instance,m,score,time_ms,routes");
            for (Path file : files) {
                ToptwInstance instance = ToptwInstance.read(file);
                long begin = System.nanoTime();
                int[][] routes = solve(instance, m, limit);
                long millis = (System.nanoTime() - begin) / 1_000_000;
                ToptwVerifier.Replay replay = ToptwVerifier.replay(instance, routes);
                int score = replay.feasible() ? replay.score() : 0;
                String text = Arrays.stream(routes)
                        .map(r -> Arrays.stream(r).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("|"));
                String line = instance.name() + "," + m + "," + score + "," + millis + "," + (replay.feasible() ? text : "");
                csv.println(line);
                csv.flush();
                System.out.println(line + (replay.feasible() ? "" : " INFEASIBLE"));
            }
        }
    }

    static int[][] solve(ToptwInstance instance, int m, long limitMs) {
        int n = instance.places();
        int[][] travel = new int[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                travel[i][j] = i == j ? 0 : hundredths(instance, i, j);
            }
        }
        int[] service = Arrays.stream(instance.service()).map(v -> v * 100).toArray();
        int[] open = Arrays.stream(instance.open()).map(v -> v * 100).toArray();
        int[] close = Arrays.stream(instance.close()).map(v -> v * 100).toArray();
        TourEntity.Data data = new TourEntity.Data(travel, service, open, close, instance.score());
        List<TourEntity> tours = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            tours.add(new TourEntity(t, data));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            visits.add(new Visit(i));
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(ToptwSolution.class)
                .withEntityClasses(TourEntity.class)
                .withConstraintProviderClass(ToptwConstraints.class)
                .withTerminationSpentLimit(Duration.ofMillis(limitMs));
        Solver<ToptwSolution> solver = SolverFactory.<ToptwSolution>create(config).buildSolver();
        ToptwSolution best = solver.solve(new ToptwSolution(tours, visits));
        return best.getTours().stream()
                .map(t -> t.getVisits().stream().mapToInt(Visit::getId).toArray())
                .toArray(int[][]::new);
    }

    /** The same truncation as the search engine's problems (exact integer square root), in hundredths. */
    private static int hundredths(ToptwInstance instance, int i, int j) {
        long dx = instance.x()[i] - instance.x()[j];
        long dy = instance.y()[i] - instance.y()[j];
        long root = BigInteger.valueOf(dx * dx + dy * dy).sqrt().longValueExact();
        long exact = instance.decimals() == 2 ? root / 10 : root / 100 * 10;
        double fx = instance.x()[i] / 1000.0 - instance.x()[j] / 1000.0;
        double fy = instance.y()[i] / 1000.0 - instance.y()[j] / 1000.0;
        double d = Math.sqrt(fx * fx + fy * fy);
        long floating = instance.decimals() == 2 ? (long) Math.floor(d * 100) : (long) Math.floor(d * 10) * 10;
        return (int) Math.max(exact, floating);
    }
}
