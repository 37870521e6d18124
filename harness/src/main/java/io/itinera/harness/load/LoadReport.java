package io.itinera.harness.load;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Writes a load run's figures: {@code steps.csv}, {@code trips.csv}, {@code cost.csv} (CPU per trip over the whole run),
 * {@code summary.txt} and {@code chart.png}.
 */
final class LoadReport {

    private static final double[] PERCENTILES = {50, 95, 99};

    private final LoadOptions options;
    private final List<String> processes;
    private final List<String> groups;
    private final Map<String, AtomicLong> clientErrors;

    LoadReport(LoadOptions options, Map<String, Long> pids, List<String> groups, Map<String, AtomicLong> clientErrors) {
        this.options = options;
        this.processes = List.copyOf(pids.keySet());
        this.groups = groups;
        this.clientErrors = clientErrors;
    }

    void write(List<StepResult> results, List<TripRun> runs, RunCost cost) throws IOException {
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("steps.csv"), csv(results));
        Files.writeString(options.out().resolve("trips.csv"), trips(runs));
        Files.writeString(options.out().resolve("cost.csv"), cost(cost));
        String summary = summary(results) + summary(cost);
        Files.writeString(options.out().resolve("summary.txt"), summary);
        LoadChart.write(results, options.out().resolve("chart.png"));
        System.out.print(summary);
        System.out.println("[load] written to " + options.out().toAbsolutePath());
    }

    String csv(List<StepResult> results) {
        List<String> header = new ArrayList<>(List.of(
                "step",
                "offered_per_s",
                "window_s",
                "sent",
                "accepted",
                "accepted_per_s",
                "ready_per_s",
                "ready",
                "failed",
                "cancelled",
                "unfinished",
                "errors"));
        for (String kind : List.of("post", "post_to_ready")) {
            for (double p : PERCENTILES) {
                header.add(kind + "_p" + (int) p + "_ms");
            }
        }
        processes.forEach(process -> header.add("cpu_s_" + process));
        processes.forEach(process -> header.add("cpu_ms_per_ready_" + process));
        header.addAll(List.of("cpu_ms_per_ready_suite", "post_to_ready_3_days_p50_ms", "trips_3_days"));
        groups.forEach(group -> header.add("lag_max_" + group));
        groups.forEach(group -> header.add("lag_end_" + group));
        StepResult.BROKER_FIGURES.forEach(figure -> header.add("broker_" + figure + "_per_ready"));
        header.addAll(List.of("load_average", "scheduler_max_late_ms", "knee"));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (StepResult result : results) {
            List<String> row = new ArrayList<>(List.of(
                    Integer.toString(result.window().step() + 1),
                    number(result.offered()),
                    number(result.window().seconds()),
                    Integer.toString(result.sent()),
                    Integer.toString(result.accepted()),
                    number(result.acceptedPerSecond()),
                    number(result.readyPerSecond()),
                    Integer.toString(result.ready()),
                    Integer.toString(result.failed()),
                    Integer.toString(result.cancelled()),
                    Integer.toString(result.unfinished()),
                    errors(result.errors())));
            for (Percentiles latency : List.of(result.post(), result.postToReady())) {
                for (double p : PERCENTILES) {
                    row.add(number(latency.millis(p)));
                }
            }
            processes.forEach(process -> row.add(number(result.cpuSeconds().getOrDefault(process, Double.NaN))));
            processes.forEach(process -> row.add(number(result.cpuMsPerReady(process))));
            row.add(number(result.suiteCpuMsPerReady()));
            row.add(number(result.postToReadyOfThreeDays().millis(50)));
            row.add(Integer.toString(result.postToReadyOfThreeDays().count()));
            groups.forEach(group -> row.add(Long.toString(result.lagMax().getOrDefault(group, -1L))));
            groups.forEach(group -> row.add(Long.toString(result.lagEnd().getOrDefault(group, -1L))));
            result.brokerFigures().forEach(figure -> row.add(number(figure)));
            row.add(number(result.window().loadAverage()));
            row.add(number(result.window().maxLatenessNanos() / 1e6));
            row.add(Boolean.toString(result.window().knee()));
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    private static String trips(List<TripRun> runs) {
        StringBuilder csv = new StringBuilder(
                "step,measured,days,id,post_status,post_ms,outcome,post_to_end_ms,final_status_code,final_status,error\n");
        for (TripRun run : runs) {
            csv.append(run.step + 1)
                    .append(',')
                    .append(run.measured)
                    .append(',')
                    .append(run.days)
                    .append(',')
                    .append(run.id == null ? "" : run.id)
                    .append(',')
                    .append(run.postStatus)
                    .append(',')
                    .append(
                            run.postAnsweredNanos == 0
                                    ? ""
                                    : number((run.postAnsweredNanos - run.scheduledNanos) / 1e6))
                    .append(',')
                    .append(run.outcome())
                    .append(',')
                    .append(run.terminalStatus == null ? "" : number((run.terminalNanos - run.scheduledNanos) / 1e6))
                    .append(',')
                    .append(run.finalStatusCode)
                    .append(',')
                    .append(run.finalStatus == null ? "" : run.finalStatus)
                    .append(',')
                    .append(run.error == null ? "" : run.error)
                    .append('\n');
        }
        return csv.toString();
    }

    String summary(List<StepResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Load run: %s, follow %s, warm-up %ds + %ds per step, SLO %d ms, seed %d%n",
                options.urls(),
                options.follow().name().toLowerCase(Locale.ROOT),
                options.warmup().toSeconds(),
                options.measure().toSeconds(),
                options.slo().toMillis(),
                options.seed()));
        for (StepResult r : results) {
            text.append(String.format(
                    Locale.ROOT,
                    "offered %5.1f/s  accepted %5.1f/s  READY %5.2f/s  POST p50/p99 %s/%s ms"
                            + "  POST→READY p50/p95/p99 %s/%s/%s ms  failed %d unfinished %d%s  load %.1f%s%n",
                    r.offered(),
                    r.acceptedPerSecond(),
                    r.readyPerSecond(),
                    whole(r.post().millis(50)),
                    whole(r.post().millis(99)),
                    whole(r.postToReady().millis(50)),
                    whole(r.postToReady().millis(95)),
                    whole(r.postToReady().millis(99)),
                    r.failed(),
                    r.unfinished(),
                    r.errors().isEmpty() ? "" : "  errors " + errors(r.errors()),
                    r.window().loadAverage(),
                    r.window().knee() ? "  << knee" : ""));
            text.append("        CPU ms per READY: ")
                    .append(processes.stream()
                            .map(process -> process + " " + whole(r.cpuMsPerReady(process)))
                            .collect(Collectors.joining(", ")))
                    .append(", suite ")
                    .append(whole(r.suiteCpuMsPerReady()))
                    .append("; 3-day POST→READY p50 ")
                    .append(whole(r.postToReadyOfThreeDays().millis(50)))
                    .append(" ms (")
                    .append(r.postToReadyOfThreeDays().count())
                    .append(" trips); lag max: ")
                    .append(groups.stream()
                            .map(group -> group + " " + r.lagMax().getOrDefault(group, -1L))
                            .collect(Collectors.joining(", ")))
                    .append('\n');
            List<Double> broker = r.brokerFigures();
            if (!broker.get(0).isNaN()) {
                text.append(String.format(
                        Locale.ROOT,
                        "        broker per READY: %.1f requests (%.2f transactions, %.1f fetches, %.1f produces),"
                                + " %.1f records appended%n",
                        broker.get(0),
                        broker.get(1),
                        broker.get(2),
                        broker.get(3),
                        broker.get(4)));
            }
        }
        results.stream()
                .filter(r -> !r.window().knee())
                .reduce((first, second) -> second)
                .ifPresentOrElse(
                        best -> text.append(String.format(
                                Locale.ROOT,
                                "Sustained: %.1f trips/s offered, %.2f READY/s, p99 POST→READY %s ms%n",
                                best.offered(),
                                best.readyPerSecond(),
                                whole(best.postToReady().millis(99)))),
                        () -> text.append("Sustained: no step within the SLO\n"));
        if (!clientErrors.isEmpty()) {
            text.append("Client-side retries and errors (all steps): ")
                    .append(clientErrors.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().get())
                            .sorted()
                            .collect(Collectors.joining(" ")))
                    .append('\n');
        }
        return text.toString();
    }

    /** One row per process: CPU over the whole run, idle cores, ms per READY trip gross and net of idle. */
    String cost(RunCost cost) {
        StringBuilder csv = new StringBuilder(
                "process,run_s,ready,not_ready,cpu_s,idle_cores,cpu_ms_per_ready,cpu_ms_per_ready_net_of_idle\n");
        for (String process : processes) {
            csv.append(String.join(
                            ",",
                            process,
                            number(cost.seconds()),
                            Integer.toString(cost.ready()),
                            Integer.toString(cost.notReady()),
                            number(cost.cpuSeconds().getOrDefault(process, Double.NaN)),
                            number(cost.idleCores().getOrDefault(process, Double.NaN)),
                            number(cost.msPerReady(process)),
                            number(cost.msPerReadyNetOfIdle(process))))
                    .append('\n');
        }
        return csv.toString();
    }

    String summary(RunCost cost) {
        String loads = cost.loadAverages().stream()
                .map(load -> String.format(Locale.ROOT, "%.1f", load))
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Whole run: %d trips READY, %d not, in %.0f s; load average at each step's end and the run's: %s%n",
                cost.ready(),
                cost.notReady(),
                cost.seconds(),
                loads));
        text.append("        CPU ms per READY trip: ")
                .append(processes.stream()
                        .map(process -> process + " " + tenths(cost.msPerReady(process)))
                        .collect(Collectors.joining(", ")))
                .append(", suite ")
                .append(tenths(cost.suiteMsPerReady()))
                .append('\n');
        if (!cost.idleCores().isEmpty()) {
            text.append("        net of idle: ")
                    .append(processes.stream()
                            .map(process -> process + " " + tenths(cost.msPerReadyNetOfIdle(process)))
                            .collect(Collectors.joining(", ")))
                    .append(", suite ")
                    .append(tenths(cost.suiteMsPerReadyNetOfIdle()))
                    .append("; idle cores: ")
                    .append(processes.stream()
                            .map(process -> String.format(
                                    Locale.ROOT,
                                    "%s %.3f",
                                    process,
                                    cost.idleCores().getOrDefault(process, Double.NaN)))
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return text.toString();
    }

    private static String tenths(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String errors(Map<String, Integer> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String whole(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Double.isInfinite(value) ? "inf" : String.format(Locale.ROOT, "%.0f", value);
    }
}
