package io.itinera.harness.serde;

import io.itinera.harness.Args;
import java.time.Duration;

/**
 * What a serde run does.
 *
 * @param trips distinct trips of the mix whose answers are read round-robin
 */
public record SerdeOptions(int trips, Duration warmup, Duration measure, long seed) {

    public static SerdeOptions from(Args args) {
        SerdeOptions options = new SerdeOptions(
                args.integer("trips", 60),
                args.duration("warmup", Duration.ofSeconds(10)),
                args.duration("measure", Duration.ofSeconds(20)),
                args.number("seed", 1));
        args.requireAllUsed();
        return options;
    }
}
