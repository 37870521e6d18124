package io.itinera.generation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToptwBenchmarkTests {

    @Test
    void readsTheHeaderAsATokenStreamAndTheWindowsAsTheLastTwoTokens() throws Exception {
        ToptwInstance pr01 = instance("pr01.txt");

        assertThat(pr01.places()).isEqualTo(48);
        assertThat(pr01.decimals()).isEqualTo(2);
        assertThat(pr01.close()[0]).isEqualTo(1000);
        assertThat(pr01.open()[13]).isEqualTo(368);
        assertThat(pr01.close()[13]).isEqualTo(528);
        assertThat(instance("c101.txt").decimals()).isEqualTo(1);
    }

    @Test
    void truncatesDistancesToOneDecimalForSolomonAndTwoForCordeau() throws Exception {
        // c101: depot (40, 50) to vertex 1 (45, 68): sqrt(349) = 18.68... -> 18.6
        assertThat(ToptwProblems.hundredths(instance("c101.txt"), 0, 1)).isEqualTo(1860);
        // pr01: depot (-10.442, 19.999) to vertex 1 (-29.730, 64.136): 48.167... -> 48.16
        assertThat(ToptwProblems.hundredths(instance("pr01.txt"), 0, 1)).isEqualTo(4816);
    }

    @Test
    void solvesInstancesWithRoutesThatTheVerifierReplaysToTheReportedScore() throws Exception {
        for (String file : List.of("c101.txt", "rc101.txt", "pr01.txt")) {
            ToptwInstance instance = instance(file);
            for (int m = 1; m <= 2; m++) {
                ToptwBenchmark.Row row = ToptwBenchmark.solve(instance, m, 150, 1);

                ToptwVerifier.Replay replay = ToptwVerifier.replay(instance, row.routes());
                assertThat(replay.violations()).as("%s m=%d", file, m).isEmpty();
                assertThat(replay.score()).isEqualTo(row.score()).isPositive();
                assertThat(row.routes().length).isEqualTo(m);
            }
        }
    }

    @Test
    void findsTheProvenOptimumOfASmallInstance() throws Exception {
        // c101 with one tour: 320 is optimal (Righini and Salani 2009)
        ToptwBenchmark.Row row = ToptwBenchmark.solve(instance("c101.txt"), 1, 400, 1);

        assertThat(row.score()).isEqualTo(320);
    }

    @Test
    void rejectsRoutesThatBreakTheRules() throws Exception {
        ToptwInstance c101 = instance("c101.txt");
        ToptwBenchmark.Row row = ToptwBenchmark.solve(c101, 1, 100, 1);
        int[] route = row.routes()[0];

        int[] twice = Arrays.copyOf(route, route.length + 1);
        twice[route.length] = route[0];
        assertThat(ToptwVerifier.replay(c101, new int[][] {twice}).violations())
                .anyMatch(v -> v.contains("visited twice"));

        // vertex 1 closes at 967; visiting it after a full route is too late or too late to get back
        int[] late = Arrays.copyOf(route, route.length + 1);
        late[route.length] = 1;
        assertThat(ToptwVerifier.replay(c101, new int[][] {late}).feasible()).isFalse();
    }

    @Test
    void writesOneCsvLinePerInstanceAndTourCount(@TempDir Path folder) throws Exception {
        Path instances = Files.createDirectory(folder.resolve("instances"));
        Files.copy(resource("pr01.txt"), instances.resolve("pr01.txt"));
        Path out = folder.resolve("out.csv");

        int status = ToptwBenchmark.run(new String[] {
            instances.toString(), out.toString(), "--tours", "3", "--time-limit-ms", "100", "--warmup-ms", "0"
        });

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("instance,m,score,time_ms,routes");
        String[] fields = lines.get(1).split(",");
        assertThat(fields[0]).isEqualTo("pr01");
        assertThat(fields[1]).isEqualTo("3");
        assertThat(fields[4].split("\\|")).hasSize(3);
    }

    private static ToptwInstance instance(String file) throws IOException, URISyntaxException {
        return ToptwInstance.read(resource(file));
    }

    private static Path resource(String file) throws URISyntaxException {
        return Path.of(ToptwBenchmarkTests.class.getResource("/toptw/" + file).toURI());
    }
}
