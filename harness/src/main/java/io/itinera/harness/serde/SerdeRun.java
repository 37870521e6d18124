package io.itinera.harness.serde;

import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.RawEnrichmentCompleted;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.RawGenerationCompleted;
import io.itinera.events.serde.EventJson;
import io.itinera.events.serde.EventSerializer;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.harness.mix.TripMix;
import io.itinera.harness.mix.TripSpec;
import io.itinera.harness.planner.EnrichmentContexts;
import io.itinera.harness.planner.PlannerRun;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long the saga takes to read the workers' answers as it does (the raw forms, which keep the planning context and
 * the itinerary as bytes): the load run's trip mix, each trip's context built by api-enrichment's builder and planned
 * by api-generation's planner once, written as the workers write them, then read round-robin on one thread for a fixed
 * time. No Kafka: this is the deserialiser alone, CPU per read on the reading thread.
 */
public final class SerdeRun {

    private final SerdeOptions options;

    public SerdeRun(SerdeOptions options) {
        this.options = options;
    }

    public void run() throws Exception {
        Answers answers = Answers.of(options.trips(), options.seed());
        System.out.printf(
                Locale.ROOT,
                "[serde] %d trips (seed %d): enrichment answers %.1f KB, generation answers %.1f KB on average%n",
                options.trips(),
                options.seed(),
                averageKb(answers.enrichment()),
                averageKb(answers.generation()));
        report("enrichment answer (RawEnrichmentCompleted)", answers.enrichment(), RawEnrichmentCompleted.class);
        report("generation answer (RawGenerationCompleted)", answers.generation(), RawGenerationCompleted.class);
    }

    /** The workers' answers for the first trips of the mix, as they write them. */
    record Answers(List<byte[]> enrichment, List<byte[]> generation) {

        static Answers of(int trips, long seed) throws Exception {
            List<TripRequest> requests = new TripMix(seed, LocalDate.now())
                    .take(trips).stream().map(TripSpec::toRequest).toList();
            List<byte[]> enrichment = new ArrayList<>();
            List<byte[]> generation = new ArrayList<>();
            EventSerializer<Object> serializer = new EventSerializer<>();
            ItineraryPlanner planner = PlannerRun.planner();
            try (EnrichmentContexts contexts = new EnrichmentContexts()) {
                for (int i = 0; i < requests.size(); i++) {
                    String tripId = "trip-" + i;
                    PlanningContext context = contexts.contextFor(requests.get(i));
                    Itinerary itinerary = planner.plan(requests.get(i), context, (day, number, total) -> {});
                    enrichment.add(serializer.serialize(
                            Topics.ENRICHMENT_COMPLETED.name(), EnrichmentCompleted.succeeded(tripId, context)));
                    generation.add(serializer.serialize(
                            Topics.GENERATION_COMPLETED.name(), GenerationCompleted.succeeded(tripId, itinerary)));
                }
            }
            return new Answers(enrichment, generation);
        }
    }

    private void report(String what, List<byte[]> documents, Class<?> form) {
        read(documents, form, options.warmup().toNanos());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        Reads reads = read(documents, form, options.measure().toNanos());
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
        System.out.printf(
                Locale.ROOT,
                "[serde] %s: %.1f µs CPU per read, %.0f MB/s (%d reads in %d s)%n",
                what,
                cpuNanos / 1e3 / reads.count(),
                reads.bytes() / (cpuNanos / 1e9) / 1e6,
                reads.count(),
                options.measure().toSeconds());
    }

    private static Reads read(List<byte[]> documents, Class<?> form, long forNanos) {
        long end = System.nanoTime() + forNanos;
        long count = 0;
        long bytes = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (byte[] document : documents) {
                sink += System.identityHashCode(EventJson.read(document, form)) & 1;
                bytes += document.length;
                count++;
            }
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the reads from being optimised away");
        }
        return new Reads(count, bytes);
    }

    private static double averageKb(List<byte[]> documents) {
        return documents.stream()
                        .mapToInt(document -> document.length)
                        .average()
                        .orElse(0)
                / 1024;
    }

    private record Reads(long count, long bytes) {}
}
