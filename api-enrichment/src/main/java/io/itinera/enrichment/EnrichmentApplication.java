package io.itinera.enrichment;

import io.itinera.events.kafka.DeadLetterReplay;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of api-enrichment, the worker that builds planning contexts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichmentApplication {

    /** Starts the worker, or with {@code dlt-replay ...} replays its dead letters instead (one main class per image). */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(DeadLetterReplay.COMMAND)) {
            DeadLetterReplay.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(EnrichmentApplication.class, args);
    }
}
