package io.itinera.generation.bench;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planners.Planners;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the production planner (search, meals, scoring, writing the itinerary) on city-sized trips: 3 days over 80
 * candidates and 7 days over 300. Sample-time mode reports percentiles, p99 among them.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
@State(Scope.Benchmark)
public class PlannerBenchmark {

    @Param({"3x80", "7x300"})
    public String trip;

    private final ItineraryPlanner planner = Planners.of(GenerationProperties.defaults());
    private TripRequest request;
    private PlanningContext context;

    @Setup
    public void setUp() {
        int days = Integer.parseInt(trip.substring(0, trip.indexOf('x')));
        int places = Integer.parseInt(trip.substring(trip.indexOf('x') + 1));
        request = SyntheticTrips.request(days);
        context = SyntheticTrips.context(days, places, 42);
    }

    @Benchmark
    public Itinerary plan() {
        return planner.plan(request, context, (day, number, total) -> {});
    }
}
