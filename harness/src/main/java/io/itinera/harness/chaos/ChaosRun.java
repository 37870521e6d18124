package io.itinera.harness.chaos;

import static io.itinera.harness.load.LoadRun.daemon;
import static io.itinera.harness.load.LoadRun.waitUntil;

import io.itinera.harness.load.Percentiles;
import io.itinera.harness.load.TripClient;
import io.itinera.harness.load.TripRun;
import io.itinera.harness.mix.TripMix;
import io.itinera.harness.mix.TripSpec;
import io.itinera.harness.system.ProcStat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the scenarios one after the other on a running two-replica suite started with {@code ITINERA_ON_EXIT=restart}:
 * per scenario, waits until every process is ready, fires the trips at a steady rate, strikes the fault once
 * {@code faultAt} of them are out, follows every trip to its end, then audits the topics and reports.
 */
public final class ChaosRun {

    private static final Duration BACK_WITHIN = Duration.ofMinutes(4);
    /** Long enough for a few dozen requests to pile up, short of the workers' session timeout (no rebalance). */
    private static final Duration LOST_REQUESTS_PAUSE = Duration.ofSeconds(3);

    private final ChaosOptions options;
    private final SuiteControl suite;

    public ChaosRun(ChaosOptions options) {
        this.options = options;
        this.suite = new SuiteControl(options.suiteDirectory(), options.workerReplicas());
    }

    public boolean run() throws IOException, InterruptedException {
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, daemon("http"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientThreads)
                .build();
        TripClient client = new TripClient(
                http,
                timer,
                options.urls(),
                options.apiKey(),
                options.follow(),
                Duration.ofMillis(500),
                options.followTimeout(),
                // a POST cut off by a dying replica is sent again, and the key keeps that from making two trips
                options.askAgain() ? TripClient.Retries.KEYED_AND_REFUSALS : TripClient.Retries.KEYED);
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (Scenario scenario : options.scenarios()) {
                ScenarioResult result = scenario(scenario, client);
                results.add(result);
                System.out.println(ScenarioResult.HEADER);
                System.out.println(result.row());
            }
        } finally {
            timer.shutdownNow();
            clientThreads.shutdownNow();
        }
        String table = ScenarioResult.HEADER + "\n"
                + String.join("\n", results.stream().map(ScenarioResult::row).toList()) + "\n";
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("chaos.md"), table);
        System.out.printf("%n%s%n[chaos] table in %s%n", table, options.out().resolve("chaos.md"));
        return results.stream().allMatch(ScenarioResult::clean);
    }

    private ScenarioResult scenario(Scenario scenario, TripClient client) throws InterruptedException {
        say("%s: %s, %d trips at %.1f/s", scenario.id(), scenario.description(), options.trips(), options.rate());
        if (!suite.awaitAllReady(options.settle())) {
            throw new IllegalStateException("the suite is not ready; is ./run-local.sh running with "
                    + "ITINERA_GATEWAY_REPLICAS=2 ITINERA_WORKER_REPLICAS=" + options.workerReplicas()
                    + " ITINERA_ON_EXIT=restart?");
        }
        TripRun probeTrip = preflight(client);
        List<String> groups = scenario.steps(suite.processes()).stream()
                .flatMap(step -> step.groups().stream())
                .distinct()
                .toList();
        List<TripRun> runs = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        try (TopicAudit audit = new TopicAudit(options.bootstrapServers());
                RecoveryProbe probe = new RecoveryProbe(options.bootstrapServers(), groups)) {
            probe.start();
            client.errors().clear();
            TripMix mix = new TripMix(options.seed() + scenario.ordinal(), LocalDate.now());
            int faultIndex = (int) Math.round(options.trips() * options.faultAt());
            long period = Math.round(1e9 / options.rate());
            long begin = System.nanoTime();
            Thread striker = null;
            for (int i = 0; i < options.trips(); i++) {
                if (i == faultIndex) {
                    striker = daemon("fault").newThread(() -> strike(scenario, runs, faults));
                    striker.start();
                }
                long scheduled = begin + i * period;
                waitUntil(scheduled);
                TripSpec trip = mix.next();
                TripRun run = new TripRun(0, true, scheduled, trip.days());
                synchronized (runs) {
                    runs.add(run);
                }
                client.start(run, trip.toJson());
            }
            if (striker != null) {
                striker.join();
            }
            drain(runs);
            Thread.sleep(2000); // the last transactions commit
            TopicAudit.Findings findings = audit.read();
            return result(scenario, runs, faults, probe, findings, client.errors(), probeTrip);
        }
    }

    /**
     * One fault: when it struck, when its replacement process started and when it was ready (all
     * {@link System#nanoTime()}; -1 when it did not come back).
     */
    private record Fault(Scenario.Step step, long struckNanos, long startedNanos, long backNanos) {}

    /**
     * Until when a stall that begins is the fault's own: {@link RecoveryProbe#FAULT_WINDOW} after the fault, or until the
     * broker is back when it was the broker (no partition can move before that; one that stalls later is a lost
     * transaction or a consumer catching up).
     */
    private static long ownStallsUntil(Fault fault) {
        long window = fault.struckNanos() + RecoveryProbe.FAULT_WINDOW.toNanos();
        boolean broker = fault.step().process().equals("kafka");
        return broker && fault.backNanos() >= 0 ? Math.max(window, fault.backNanos()) : window;
    }

    private void strike(Scenario scenario, List<TripRun> runs, List<Fault> faults) {
        try {
            if (scenario == Scenario.POISON) {
                int sent = Poison.send(options.bootstrapServers(), () -> liveTrip(runs));
                say("sent %d poison records", sent);
                return;
            }
            if (scenario == Scenario.LOST_REQUESTS) {
                long dropped = LostRequests.strike(options.bootstrapServers(), suite, LOST_REQUESTS_PAUSE);
                say("dropped %d enrichment requests the workers had not committed", dropped);
                return;
            }
            for (Scenario.Step step : scenario.steps(suite.processes())) {
                if (step.withoutState()) {
                    suite.deleteStateDirectory(step.process());
                }
                long struck = System.nanoTime();
                long pid = suite.signal(step.process(), step.force());
                say("%s (pid %d)", step, pid);
                OptionalLong started = suite.awaitReplaced(step.process(), pid, BACK_WITHIN);
                long backNanos = started.isPresent() ? System.nanoTime() : -1;
                say(
                        "%s %s",
                        step.process(),
                        started.isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        "started again after %.1f s, ready after %.1f s",
                                        (started.getAsLong() - struck) / 1e9,
                                        (backNanos - struck) / 1e9)
                                : "not back");
                synchronized (faults) {
                    faults.add(new Fault(step, struck, started.orElse(-1), backNanos));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException failed) {
            say("the fault failed: %s", failed);
        }
    }

    /** A trip accepted and not finished: the poison is keyed by it. */
    private static String liveTrip(List<TripRun> runs) {
        synchronized (runs) {
            List<String> live = runs.stream()
                    .filter(run -> run.id != null && !run.done)
                    .map(run -> run.id)
                    .toList();
            return live.isEmpty()
                    ? "no-live-trip"
                    : live.get(ThreadLocalRandom.current().nextInt(live.size()));
        }
    }

    /**
     * One trip through the whole pipeline, so that a suite still joining its groups is not charged to the run; a
     * suite that answers ready may still refuse for a while ({@code 503} while a replica loads its state), so it is
     * tried again until {@code settle} runs out.
     */
    private TripRun preflight(TripClient client) throws InterruptedException {
        long deadline = System.nanoTime() + options.settle().toNanos();
        TripRun probe;
        do {
            probe = new TripRun(-1, false, System.nanoTime(), 1);
            client.start(
                    probe,
                    new TripMix(options.seed() - 1, LocalDate.now()).next().toJson());
            while (!probe.done && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (probe.ready()) {
                return probe;
            }
            say("first trip: %s (%s); trying again", probe.outcome(), String.valueOf(probe.error));
            Thread.sleep(2000);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the suite did not plan a first trip (" + probe.outcome() + ", " + probe.error
                + "); is it running with the rate limit off?");
    }

    private void drain(List<TripRun> runs) throws InterruptedException {
        long deadline = System.nanoTime() + options.drain().toNanos();
        long unfinished;
        while ((unfinished = runs.stream().filter(run -> !run.done).count()) > 0 && System.nanoTime() < deadline) {
            say("waiting for %d unfinished trips", unfinished);
            Thread.sleep(5000);
        }
    }

    private ScenarioResult result(
            Scenario scenario,
            List<TripRun> runs,
            List<Fault> faults,
            RecoveryProbe probe,
            TopicAudit.Findings findings,
            Map<String, AtomicLong> errors,
            TripRun preflight) {
        Set<String> accepted = new HashSet<>();
        Map<String, Long> failed = new TreeMap<>();
        Map<String, Long> postErrors = new TreeMap<>();
        Map<String, Long> acceptedAfterRefusal = new TreeMap<>();
        int ready = 0;
        int stranded = 0;
        List<Long> readyNanos = new ArrayList<>();
        for (TripRun run : runs) {
            String error = run.error;
            String id = run.id;
            if (!run.accepted() || id == null) {
                postErrors.merge(error == null ? "post:" + run.postStatus : error, 1L, Long::sum);
                continue;
            }
            accepted.add(id);
            String refusal = run.firstRefusal;
            if (refusal != null) {
                acceptedAfterRefusal.merge(refusal, 1L, Long::sum);
            }
            if (run.ready()) {
                ready++;
                readyNanos.add(run.readyLatencyNanos());
            } else if ("FAILED".equals(run.terminalStatus)) {
                String type = run.failureType;
                failed.merge(type == null ? "unknown" : type, 1L, Long::sum);
            } else if (run.terminalStatus == null) {
                stranded++;
            }
        }
        Set<String> duplicated = new HashSet<>(findings.duplicatedCompletions());
        duplicated.addAll(findings.changedAfterReady());
        duplicated.addAll(findings.repeatedStatus());
        duplicated.retainAll(accepted);
        Set<String> withoutAnswer = new HashSet<>(findings.tripsCreated());
        withoutAnswer.removeAll(accepted);
        withoutAnswer.remove(preflight.id);
        Set<String> lost = new HashSet<>(accepted);
        lost.removeAll(findings.tripsCreated());
        List<Long> recovery = new ArrayList<>();
        List<Long> fromStart = new ArrayList<>();
        List<Long> back = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        for (int step = 0; step < faults.size(); step++) {
            Fault fault = faults.get(step);
            back.add(fault.backNanos() < 0 ? -1 : (fault.backNanos() - fault.struckNanos()) / 1_000_000);
            long ownNanos = ownStallsUntil(fault);
            long untilNanos = step + 1 < faults.size() ? faults.get(step + 1).struckNanos() : Long.MAX_VALUE;
            long worst = 0;
            long worstLater = 0;
            for (String group : fault.step().groups()) {
                long nanos = probe.recoveryNanos(group, fault.struckNanos(), ownNanos);
                long laterNanos = probe.laterStallNanos(group, fault.struckNanos(), ownNanos, untilNanos);
                say(
                        "%s, group %s: stalls %s (the fault's own: those from up to %.1f s)",
                        fault.step(),
                        group,
                        probe.stalls(group, fault.struckNanos(), untilNanos).stream()
                                .map(stall -> stall.describe(fault.struckNanos()))
                                .toList(),
                        (ownNanos - fault.struckNanos()) / 1e9);
                worst = nanos < 0 || worst < 0 ? -1 : Math.max(worst, nanos);
                worstLater = laterNanos < 0 || worstLater < 0 ? -1 : Math.max(worstLater, laterNanos);
            }
            recovery.add(worst < 0 ? -1 : worst / 1_000_000);
            later.add(worstLater < 0 ? -1 : worstLater / 1_000_000);
            // a surviving replica may take the partitions over before the replacement even starts
            fromStart.add(
                    worst < 0 || fault.startedNanos() < 0
                            ? -1
                            : Math.max(0, worst - (fault.startedNanos() - fault.struckNanos())) / 1_000_000);
        }
        say("client errors by kind: %s", new TreeMap<>(errors));
        say("dead letters: %s", findings.deadLetters());
        if (!duplicated.isEmpty() || !withoutAnswer.isEmpty() || !lost.isEmpty()) {
            say(
                    "duplicated: two completions of a stage %s, changed after READY %s, a status entered twice %s;"
                            + " error answered but created %s; lost %s",
                    findings.duplicatedCompletions(),
                    findings.changedAfterReady(),
                    findings.repeatedStatus(),
                    withoutAnswer,
                    lost);
        }
        return new ScenarioResult(
                scenario,
                runs.size(),
                accepted.size(),
                ready,
                failed,
                stranded,
                lost.size(),
                duplicated.size(),
                postErrors,
                acceptedAfterRefusal,
                withoutAnswer.size(),
                recovery,
                fromStart,
                later,
                back,
                new Percentiles(readyNanos.stream().mapToLong(Long::longValue).toArray()).millis(99),
                findings.deadLetters().values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                ProcStat.loadAverage());
    }

    private static void say(String format, Object... args) {
        System.out.printf("[chaos] " + format + "%n", args);
    }
}
