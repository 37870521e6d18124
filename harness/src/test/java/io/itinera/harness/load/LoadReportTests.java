package io.itinera.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.harness.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTests {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path out;

    @Test
    void writesTheStepFiguresAsCsvSummaryAndChart() throws Exception {
        // given a 10 s window at 2 trips/s: 20 trips READY after 400 ms, one FAILED, one unfinished
        // and the broker counted 400 requests (Fetch counts its consumers' fetches again) and 1,300 appended records
        Map<String, Long> broker = Map.of(
                "request:EndTxn", 80L,
                "request:TxnOffsetCommit", 80L,
                "request:Fetch", 140L,
                "request:FetchConsumer", 140L,
                "request:Produce", 100L,
                "appended", 1_300L);
        StepWindow window = new StepWindow(
                0, 2.0, 0, 10 * SECOND, Map.of("api-gateway", 0L), Map.of("api-gateway", 200L), broker, 1.5, 0, false);
        List<TripRun> runs = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            TripRun run = new TripRun(0, true, i * SECOND / 2 - 400_000_000, 3);
            run.postStatus = 202;
            run.postAnsweredNanos = run.scheduledNanos + 20_000_000;
            if (i < 20) {
                run.terminalStatus = "READY";
                run.terminalNanos = run.scheduledNanos + 400_000_000;
            } else if (i == 20) {
                run.terminalStatus = "FAILED";
                run.terminalNanos = run.scheduledNanos + 300_000_000;
            }
            runs.add(run);
        }
        StepResult result = StepResult.of(
                window, runs, runs, Map.of("api-gateway", 2.0), Map.of("api-gateway", 5L), Map.of("api-gateway", 0L));
        // and over the whole run of 20 s the gateway spent 4 CPU seconds, 0.05 cores of it idle
        RunCost cost = RunCost.of(
                0, 20 * SECOND, runs, Map.of("api-gateway", 4.0), Map.of("api-gateway", 0.05), List.of(1.5, 1.7));
        LoadOptions options = LoadOptions.from(new Args(List.of("--out", out.toString())));

        // when
        new LoadReport(options, Map.of("api-gateway", 1L), List.of("api-gateway"), Map.of())
                .write(List.of(result), runs, cost);

        // then
        assertThat(result.ready()).isEqualTo(20);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.unfinished()).isEqualTo(1);
        assertThat(result.readyPerSecond()).isEqualTo(2.0);
        assertThat(result.cpuMsPerReady("api-gateway")).isEqualTo(100.0);
        assertThat(result.postToReady().millis(50)).isEqualTo(400.0);
        assertThat(result.postToReady().millis(99)).isInfinite();
        List<String> csv = Files.readAllLines(out.resolve("steps.csv"));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1).split(",", -1)).hasSameSizeAs(csv.get(0).split(",", -1));
        assertThat(csv.get(1)).startsWith("1,2.00,10.00,22,22,2.20,2.00,20,1,0,1,");
        assertThat(Files.readString(out.resolve("summary.txt")))
                .contains("READY  2.00/s")
                .contains("broker per READY: 20.0 requests (4.00 transactions, 7.0 fetches, 5.0 produces),"
                        + " 65.0 records appended");
        assertThat(csv.get(0)).contains("broker_requests_per_ready,broker_transactions_per_ready");
        assertThat(csv.get(1)).contains(",20.00,4.00,7.00,5.00,65.00,");
        assertThat(Files.readAllLines(out.resolve("cost.csv")))
                .containsExactly(
                        "process,run_s,ready,not_ready,cpu_s,idle_cores,cpu_ms_per_ready,cpu_ms_per_ready_net_of_idle",
                        "api-gateway,20.00,20,2,4.00,0.05,200.00,150.00");
        assertThat(Files.readString(out.resolve("summary.txt")))
                .contains(
                        "Whole run: 20 trips READY, 2 not, in 20 s; load average at each step's end and the run's: 1.5, 1.7")
                .contains("CPU ms per READY trip: api-gateway 200.0, suite 200.0")
                .contains("net of idle: api-gateway 150.0, suite 150.0");
        byte[] png = Files.readAllBytes(out.resolve("chart.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readAllLines(out.resolve("trips.csv"))).hasSize(23);
    }

    @Test
    void leavesTheBrokerFiguresOutWhenItsCountersWereNotRead() throws Exception {
        StepWindow window = new StepWindow(0, 1.0, 0, 10 * SECOND, Map.of(), Map.of(), Map.of(), 1.0, 0, false);
        TripRun run = new TripRun(0, true, 0, 2);
        run.postStatus = 202;
        run.terminalStatus = "READY";
        run.terminalNanos = SECOND;
        StepResult result = StepResult.of(window, List.of(run), List.of(run), Map.of(), Map.of(), Map.of());
        LoadOptions options = LoadOptions.from(new Args(List.of("--out", out.toString())));

        new LoadReport(options, Map.of(), List.of(), Map.of())
                .write(
                        List.of(result),
                        List.of(run),
                        RunCost.of(0, SECOND, List.of(run), Map.of(), Map.of(), List.of(1.0)));

        assertThat(result.brokerFigures()).allMatch(figure -> figure.isNaN());
        assertThat(Files.readString(out.resolve("summary.txt"))).doesNotContain("broker per READY");
    }
}
