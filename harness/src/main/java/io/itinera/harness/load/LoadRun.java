package io.itinera.harness.load;

import io.itinera.harness.mix.TripMix;
import io.itinera.harness.mix.TripSpec;
import io.itinera.harness.system.BrokerCounters;
import io.itinera.harness.system.ConsumerLag;
import io.itinera.harness.system.CpuClock;
import io.itinera.harness.system.ProcStat;
import io.itinera.harness.system.SuiteProcesses;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load run: per step, trips are scheduled at fixed intervals (1 / rate) from the step's start and sent
 * at their time whatever the suite answers, so a slow suite sees the same arrivals as a fast one. Steps follow each
 * other without pause until the knee (plus {@code pastKnee} steps), then the run waits for unfinished trips and
 * reports.
 */
public final class LoadRun {

    private final LoadOptions options;
    private final List<TripRun> runs = new ArrayList<>();
    private final List<LagSample> lagSamples = Collections.synchronizedList(new ArrayList<>());

    record LagSample(long nanos, Map<String, Long> lag) {}

    public LoadRun(LoadOptions options) {
        this.options = options;
    }

    public void run() throws IOException, InterruptedException {
        Map<String, Long> pids = SuiteProcesses.find(options.suiteDirectory());
        System.out.println("[load] processes: " + pids);
        for (String required : List.of("kafka", "api-gateway", "api-enrichment", "api-generation")) {
            if (!pids.containsKey(required)) {
                System.out.println("[load] WARNING: no " + required + " process found; its CPU is not reported");
            }
        }
        CpuClock cpu = new CpuClock(pids, CpuClock.ticksPerSecond());
        ExecutorService clientThreads = Executors.newFixedThreadPool(options.clientThreads(), daemon("http"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientThreads)
                .build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
        TripClient client = new TripClient(
                http,
                timer,
                options.urls(),
                options.apiKey(),
                options.follow(),
                options.pollInterval(),
                options.followTimeout(),
                TripClient.Retries.UNKEYED); // the accept path is measured without the saga's verdict (goal 3)
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("lag"));
        try (ConsumerLag lag = new ConsumerLag(options.bootstrapServers(), options.groups());
                BrokerCounters broker =
                        pids.containsKey("kafka") ? BrokerCounters.attach(pids.get("kafka")) : BrokerCounters.none()) {
            sampler.scheduleWithFixedDelay(
                    () -> lagSamples.add(new LagSample(System.nanoTime(), lag.sample())),
                    0,
                    options.lagInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            preflight(client);
            Map<String, Double> idleCores = idle(cpu);
            long runStart = System.nanoTime();
            Map<String, Long> cpuAtRunStart = cpu.sample();
            List<StepWindow> windows = ramp(client, cpu, broker);
            drain();
            long runEnd = System.nanoTime();
            Map<String, Long> cpuAtRunEnd = cpu.sample();
            sampler.shutdownNow();
            List<StepResult> results = results(windows, cpu);
            List<Double> loadAverages = new ArrayList<>(
                    windows.stream().map(StepWindow::loadAverage).toList());
            loadAverages.add(ProcStat.loadAverage());
            RunCost cost = RunCost.of(
                    runStart, runEnd, runs, cpu.secondsBetween(cpuAtRunStart, cpuAtRunEnd), idleCores, loadAverages);
            new LoadReport(options, pids, lag.groups(), client.errors()).write(results, runs, cost);
        } finally {
            sampler.shutdownNow();
            timer.shutdownNow();
            clientThreads.shutdownNow();
        }
    }

    /**
     * One trip through the whole pipeline before the ramp: a suite whose services report ready may still be joining
     * groups or finishing old transactions, and its first trips would be charged to the first step.
     */
    private void preflight(TripClient client) throws InterruptedException {
        TripRun probe = new TripRun(-1, false, System.nanoTime(), 1);
        client.start(
                probe, new TripMix(options.seed() - 1, LocalDate.now()).next().toJson());
        long deadline = System.nanoTime() + options.followTimeout().toNanos();
        while (!probe.done && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!probe.ready()) {
            throw new IllegalStateException("the suite did not plan a first trip (" + probe.outcome() + ", "
                    + probe.error + "); is it running with the rate limit off?");
        }
        System.out.printf(
                "[load] first trip READY in %d ms; ramp starts%n",
                (probe.terminalNanos - probe.scheduledNanos) / 1_000_000);
        client.errors().clear();
    }

    /** CPU seconds per second of each process with no trip in flight, over {@code --idle}; empty when it is 0. */
    private Map<String, Double> idle(CpuClock cpu) throws InterruptedException {
        if (options.idle().isZero()) {
            return Map.of();
        }
        long start = System.nanoTime();
        Map<String, Long> before = cpu.sample();
        Thread.sleep(options.idle().toMillis());
        Map<String, Long> after = cpu.sample();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        cpu.secondsBetween(before, after).forEach((process, used) -> cores.put(process, used / seconds));
        System.out.printf("[load] idle for %.0f s: %s cores%n", seconds, cores);
        return cores;
    }

    private List<StepWindow> ramp(TripClient client, CpuClock cpu, BrokerCounters broker) {
        TripMix mix = new TripMix(options.seed(), LocalDate.now());
        List<StepWindow> windows = new ArrayList<>();
        long stepStart = System.nanoTime();
        int stepsAfterKnee = -1;
        for (int step = 0; step < options.rates().size(); step++) {
            double rate = options.rates().get(step);
            long period = Math.round(1e9 / rate);
            long windowStart = stepStart + options.warmup().toNanos();
            long windowEnd = windowStart + options.measure().toNanos();
            List<TripRun> stepRuns = new ArrayList<>();
            Map<String, Long> cpuAtStart = null;
            Map<String, Long> brokerAtStart = Map.of();
            long maxLateness = 0;
            System.out.printf("[load] step %d: %.1f trips/s%n", step + 1, rate);
            for (long scheduled = stepStart; scheduled < windowEnd; scheduled += period) {
                boolean measured = scheduled >= windowStart;
                if (measured && cpuAtStart == null) {
                    waitUntil(windowStart);
                    cpuAtStart = cpu.sample();
                    brokerAtStart = broker.sample();
                }
                waitUntil(scheduled);
                TripSpec trip = mix.next();
                TripRun run = new TripRun(step, measured, scheduled, trip.days());
                runs.add(run);
                stepRuns.add(run);
                client.start(run, trip.toJson());
                maxLateness = Math.max(maxLateness, run.sentNanos - scheduled);
            }
            waitUntil(windowEnd);
            Map<String, Long> cpuAtEnd = cpu.sample();
            Map<String, Long> brokerAtEnd = broker.sample();
            if (cpuAtStart == null) {
                cpuAtStart = cpuAtEnd;
            }
            long readyInWindow = runs.stream()
                    .filter(run -> run.ready() && run.terminalNanos >= windowStart && run.terminalNanos < windowEnd)
                    .count();
            double readyPerSecond = readyInWindow / ((windowEnd - windowStart) / 1e9);
            boolean knee = Knee.passed(
                    stepRuns, rate, readyPerSecond, windowEnd, options.slo().toNanos());
            windows.add(new StepWindow(
                    step,
                    rate,
                    windowStart,
                    windowEnd,
                    cpuAtStart,
                    cpuAtEnd,
                    BrokerCounters.between(brokerAtStart, brokerAtEnd),
                    ProcStat.loadAverage(),
                    maxLateness,
                    knee));
            long backlog = runs.stream().filter(run -> !run.done).count();
            System.out.printf(
                    "[load]   READY %.2f/s in the window, %d trips unfinished, load average %.2f%s%n",
                    readyPerSecond, backlog, ProcStat.loadAverage(), knee ? ", past the knee" : "");
            if (knee && stepsAfterKnee < 0) {
                stepsAfterKnee = 0;
            } else if (stepsAfterKnee >= 0) {
                stepsAfterKnee++;
            }
            if (stepsAfterKnee >= options.pastKnee()) {
                break;
            }
            if (backlog > options.maxBacklog()) {
                System.out.println("[load] backlog above --max-backlog: the ramp stops here");
                break;
            }
            stepStart = windowEnd;
        }
        return windows;
    }

    /** Waits for the unfinished trips, looking often so that the whole run's CPU is sampled soon after the last. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + options.drain().toNanos();
        long nextReport = System.nanoTime();
        long unfinished;
        while ((unfinished = runs.stream().filter(run -> !run.done).count()) > 0 && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextReport) {
                System.out.printf("[load] waiting for %d unfinished trips%n", unfinished);
                nextReport = System.nanoTime() + 5_000_000_000L;
            }
            Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    private List<StepResult> results(List<StepWindow> windows, CpuClock cpu) {
        List<StepResult> results = new ArrayList<>();
        List<LagSample> samples;
        synchronized (lagSamples) {
            samples = List.copyOf(lagSamples);
        }
        for (StepWindow window : windows) {
            List<TripRun> stepRuns =
                    runs.stream().filter(run -> run.step == window.step()).toList();
            Map<String, Long> lagMax = new LinkedHashMap<>();
            Map<String, Long> lagEnd = new LinkedHashMap<>();
            for (LagSample sample : samples) {
                if (sample.nanos() >= window.startNanos() && sample.nanos() <= window.endNanos()) {
                    sample.lag().forEach((group, value) -> {
                        lagMax.merge(group, value, Math::max);
                        lagEnd.put(group, value);
                    });
                }
            }
            results.add(StepResult.of(
                    window,
                    stepRuns,
                    runs,
                    cpu.secondsBetween(window.cpuAtStart(), window.cpuAtEnd()),
                    lagMax,
                    lagEnd));
        }
        return results;
    }

    /** Sleeps to an absolute time: intervals are never re-based on when the previous send finished. */
    public static void waitUntil(long nanos) {
        long remaining;
        while ((remaining = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** Daemon threads named {@code harness-<name>}, so that a run ends when its main thread does. */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "harness-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
