package io.itinera.generation.system;

import io.itinera.events.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Times the work of a pipeline stage as {@code itinera.stage.duration}, tagged with the stage and its outcome. */
@Component
public class StageMetrics {

    public static final String TIMER = "itinera.stage.duration";
    public static final String GENERATION = "generation";

    private final MeterRegistry registry;

    StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs the work and records its duration; work that throws counts as failed. */
    public <T> T time(String stage, Supplier<T> work, Function<T, Outcome> outcomeOf) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome = Outcome.FAILED;
        try {
            T result = work.get();
            outcome = outcomeOf.apply(result);
            return result;
        } finally {
            sample.stop(Timer.builder(TIMER)
                    .description("How long a pipeline stage takes to handle one trip")
                    .tag("stage", stage)
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }
}
