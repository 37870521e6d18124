package io.itinera.harness.planner;

import io.itinera.harness.Args;
import java.time.Duration;

/**
 * What a planner-only run does.
 *
 * @param threads planning threads (default: one per core)
 * @param trips distinct trips of the mix, planned round-robin
 */
public record PlannerOptions(int threads, int trips, Duration warmup, Duration measure, long seed) {

    public static PlannerOptions from(Args args) {
        PlannerOptions options = new PlannerOptions(
                args.integer("threads", Runtime.getRuntime().availableProcessors()),
                args.integer("trips", 240),
                args.duration("warmup", Duration.ofSeconds(15)),
                args.duration("measure", Duration.ofSeconds(30)),
                args.number("seed", 1));
        args.requireAllUsed();
        return options;
    }
}
