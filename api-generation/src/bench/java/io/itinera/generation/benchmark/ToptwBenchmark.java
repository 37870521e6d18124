package io.itinera.generation.benchmark;

import io.itinera.generation.search.OrienteeringSearch;
import io.itinera.generation.search.SearchLimits;
import io.itinera.generation.search.SearchProblem;
import io.itinera.generation.search.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Solves every TOPTW instance of a folder and writes {@code instance,m,score,time_ms,routes} lines. Usage: {@code
 * INSTANCE_DIR OUT_CSV [--tours M] [--time-limit-ms T] [--seed S] [--warmup-ms W]}. It knows nothing of best-known
 * values, has no per-instance settings, and replays every solution with {@link ToptwVerifier} before writing it.
 */
public final class ToptwBenchmark {

    private ToptwBenchmark() {}

    public static void main(String[] args) throws IOException {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the benchmark; 0 when every solution replayed, 1 when one did not, 2 for bad arguments. */
    static int run(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println(
                    "usage: ToptwBenchmark INSTANCE_DIR OUT_CSV [--tours M] [--time-limit-ms T] [--seed S] [--warmup-ms W]");
            return 2;
        }
        Path folder = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int[] tourCounts = {1, 2, 3, 4};
        long limitMs = 1000;
        long seed = 1;
        long warmupMs = 500;
        for (int i = 2; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--tours" -> tourCounts = new int[] {Integer.parseInt(value)};
                case "--time-limit-ms" -> limitMs = Long.parseLong(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmup-ms" -> warmupMs = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .txt instance in " + folder);
        }
        if (warmupMs > 0) {
            warmUp(ToptwInstance.read(files.get(0)), warmupMs);
        }
        boolean failed = false;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("instance,m,score,time_ms,routes");
            for (Path file : files) {
                ToptwInstance instance = ToptwInstance.read(file);
                for (int m : tourCounts) {
                    Row row = solve(instance, m, limitMs, seed);
                    csv.println(row.csv());
                    csv.flush();
                    System.out.println(row.csv());
                    failed |= !row.feasible();
                }
            }
        }
        if (failed) {
            System.err.println("at least one solution failed its replay: see the messages above");
            return 1;
        }
        return 0;
    }

    /** Lets the JIT compile the solver before anything is timed. */
    private static void warmUp(ToptwInstance instance, long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        long seed = 1000;
        while (System.nanoTime() < until) {
            new OrienteeringSearch(ToptwProblems.of(instance, 2)).solve(SearchLimits.ofMillis(100, seed++));
        }
    }

    record Row(String instance, int m, int score, long millis, int[][] routes, boolean feasible) {

        String csv() {
            String text = Arrays.stream(routes)
                    .map(route ->
                            Arrays.stream(route).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining("|"));
            return instance + "," + m + "," + score + "," + millis + "," + text;
        }
    }

    static Row solve(ToptwInstance instance, int m, long limitMs, long seed) {
        long begin = System.nanoTime();
        SearchProblem problem = ToptwProblems.of(instance, m);
        long budget = Math.max(1, limitMs * 1_000_000L - (System.nanoTime() - begin) - margin(limitMs));
        SearchResult result = new OrienteeringSearch(problem).solve(new SearchLimits(Long.MAX_VALUE, budget, seed));
        int[][] routes = new int[m][];
        for (int t = 0; t < m; t++) {
            routes[t] = result.places(t, problem.places());
        }
        long millis = (System.nanoTime() - begin) / 1_000_000L;
        ToptwVerifier.Replay replay = ToptwVerifier.replay(instance, routes);
        if (!replay.feasible() || replay.score() != Math.round(result.value())) {
            System.err.printf(
                    "%s m=%d: solver says %.0f, replay says %d %s%n",
                    instance.name(), m, result.value(), replay.score(), replay.violations());
        }
        return new Row(instance.name(), m, replay.score(), millis, routes, replay.feasible());
    }

    /** Leaves time for building the problem and writing the answer inside the limit. */
    private static long margin(long limitMs) {
        return Math.min(20, Math.max(1, limitMs / 50)) * 1_000_000L;
    }
}
