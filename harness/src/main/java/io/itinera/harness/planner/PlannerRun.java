package io.itinera.harness.planner;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.harness.mix.TripMix;
import io.itinera.harness.mix.TripSpec;
import io.itinera.harness.system.CpuClock;
import io.itinera.harness.system.ProcStat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * Planner-only throughput on the load run's trip mix: each request's planning context is built once, in-process, by
 * api-enrichment's own builder; then api-generation's production planner (the one its settings choose, followed by
 * the feasibility check every published plan passes) plans them on N threads for a fixed time. No Kafka, no HTTP.
 */
public final class PlannerRun {

    private final PlannerOptions options;

    public PlannerRun(PlannerOptions options) {
        this.options = options;
    }

    public void run() throws Exception {
        List<TripRequest> requests = new TripMix(options.seed(), LocalDate.now())
                .take(options.trips()).stream().map(TripSpec::toRequest).toList();
        List<PlanningContext> contexts = new ArrayList<>();
        long buildStart = System.nanoTime();
        try (EnrichmentContexts enrichment = new EnrichmentContexts()) {
            for (TripRequest request : requests) {
                contexts.add(enrichment.contextFor(request));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "[planner] %d planning contexts built in %.1f s%n",
                contexts.size(),
                (System.nanoTime() - buildStart) / 1e9);
        GenerationProperties properties = generationProperties();
        ItineraryPlanner planner = Planners.of(properties);
        FeasibilityCheck check = new FeasibilityCheck(properties);

        int threads = options.threads();
        AtomicLongArray planned = new AtomicLongArray(threads);
        AtomicLongArray infeasible = new AtomicLongArray(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(
                    () -> {
                        for (int i = thread; running.get(); i += threads) {
                            int trip = i % requests.size();
                            Itinerary itinerary =
                                    planner.plan(requests.get(trip), contexts.get(trip), (day, number, total) -> {});
                            if (!check.violations(itinerary, requests.get(trip), contexts.get(trip))
                                    .isEmpty()) {
                                infeasible.incrementAndGet(thread);
                            }
                            planned.incrementAndGet(thread);
                        }
                    },
                    "planner-" + t);
            workers.add(worker);
        }
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        CpuClock cpu = new CpuClock(Map.of("harness", ProcessHandle.current().pid()), CpuClock.ticksPerSecond());
        workers.forEach(Thread::start);
        Thread.sleep(options.warmup().toMillis());

        long count0 = sum(planned);
        long threadCpu0 = threadCpu(threadBean, workers);
        Map<String, Long> process0 = cpu.sample();
        long wall0 = System.nanoTime();
        Thread.sleep(options.measure().toMillis());
        long count1 = sum(planned);
        long threadCpu1 = threadCpu(threadBean, workers);
        Map<String, Long> process1 = cpu.sample();
        long wall1 = System.nanoTime();
        double loadAverage = ProcStat.loadAverage();
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }

        long trips = count1 - count0;
        double seconds = (wall1 - wall0) / 1e9;
        double processCpuMs = cpu.secondsBetween(process0, process1).getOrDefault("harness", Double.NaN) * 1000;
        System.out.printf(
                Locale.ROOT,
                "[planner] planner %s, %d threads on %d cores, %d distinct trips (seed %d), warm-up %d s, %d s measured%n"
                        + "[planner] %.2f trips/s; CPU per trip: %.1f ms on the planning threads, %.1f ms for the"
                        + " whole JVM (GC, JIT); %d infeasible plans; load average %.2f%n",
                properties.planner(),
                threads,
                Runtime.getRuntime().availableProcessors(),
                requests.size(),
                options.seed(),
                options.warmup().toSeconds(),
                options.measure().toSeconds(),
                trips / seconds,
                (threadCpu1 - threadCpu0) / 1e6 / trips,
                processCpuMs / trips,
                sum(infeasible),
                loadAverage);
    }

    /** api-generation's production planner, the one its settings choose. */
    public static ItineraryPlanner planner() throws IOException {
        return Planners.of(generationProperties());
    }

    /** api-generation's own settings (application.yml), bound as the service binds them. */
    static GenerationProperties generationProperties() throws IOException {
        Binder binder = new Binder(
                ConfigurationPropertySources.from(ServiceConfiguration.of("api-generation")),
                null,
                ApplicationConversionService.getSharedInstance());
        return binder.bindOrCreate("generation", Bindable.of(GenerationProperties.class));
    }

    private static long threadCpu(ThreadMXBean bean, List<Thread> threads) {
        long total = 0;
        for (Thread thread : threads) {
            total += Math.max(0, bean.getThreadCpuTime(thread.getId()));
        }
        return total;
    }

    private static long sum(AtomicLongArray counters) {
        long total = 0;
        for (int i = 0; i < counters.length(); i++) {
            total += counters.get(i);
        }
        return total;
    }
}
