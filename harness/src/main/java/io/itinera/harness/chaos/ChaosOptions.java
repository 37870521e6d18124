package io.itinera.harness.chaos;

import io.itinera.harness.Args;
import io.itinera.harness.load.TripClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a chaos run does; the defaults are the (1,000 trips per scenario) at a rate the 2-core machine keeps up
 * with.
 *
 * @param urls the gateway replicas; POSTs go round-robin, a trip is followed on another replica when its own dies
 * @param trips trips per scenario
 * @param rate trips per second, scheduled at fixed intervals whatever the suite answers
 * @param faultAt the fault strikes once this share of the scenario's trips has been sent
 * @param drain after the last trip, how long to wait for unfinished ones
 * @param settle before a scenario, how long the suite may take to be ready and idle again
 * @param workerReplicas 1 or 2, as {@code ITINERA_WORKER_REPLICAS}: which worker processes the suite runs
 * @param askAgain whether a {@code 503} is asked again after its {@code Retry-After} with the same key, as the API
 *     reference tells clients to ({@code --no-ask-again}: a refusal ends the trip's POST)
 */
public record ChaosOptions(
        List<URI> urls,
        String apiKey,
        List<Scenario> scenarios,
        int trips,
        double rate,
        double faultAt,
        TripClient.Follow follow,
        Duration followTimeout,
        Duration drain,
        Duration settle,
        long seed,
        Path out,
        Path suiteDirectory,
        String bootstrapServers,
        int workerReplicas,
        boolean askAgain) {

    public static ChaosOptions from(Args args) {
        ChaosOptions options = new ChaosOptions(
                args.strings("url", List.of("http://localhost:8080", "http://localhost:8180")).stream()
                        .map(URI::create)
                        .toList(),
                args.string("api-key", System.getenv().getOrDefault("ITINERA_API_KEY", "itinera-local-dev-key")),
                args
                        .strings(
                                "scenarios",
                                Arrays.stream(Scenario.values())
                                        .map(Scenario::id)
                                        .toList())
                        .stream()
                        .map(Scenario::of)
                        .toList(),
                args.integer("trips", 1000),
                args.decimal("rate", 10),
                args.decimal("fault-at", 0.3),
                TripClient.Follow.valueOf(args.string("follow", "sse").toUpperCase(Locale.ROOT)),
                args.duration("follow-timeout", Duration.ofMinutes(6)),
                args.duration("drain", Duration.ofMinutes(6)),
                args.duration("settle", Duration.ofMinutes(3)),
                args.number("seed", 11),
                Path.of(args.string(
                        "out",
                        "target/harness/chaos-"
                                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))),
                Path.of(args.string("suite-dir", ".")),
                args.string("bootstrap", "127.0.0.1:9092"),
                args.integer("worker-replicas", 2),
                !args.flag("no-ask-again"));
        args.requireAllUsed();
        if (options.workerReplicas() < 1 || options.workerReplicas() > 2) {
            throw new IllegalArgumentException("--worker-replicas must be 1 or 2");
        }
        return options;
    }
}
