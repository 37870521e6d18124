package io.itinera.harness.load;

import io.itinera.harness.Args;
import io.itinera.harness.system.ConsumerLag;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What a load run does; every option has a default that suits the 2-core development machine.
 *
 * @param urls the gateway replicas; POSTs go round-robin, each trip is followed on the replica that accepted it
 * @param rates offered trips per second, one step each, in order
 * @param warmup per step, arrivals before the measured window (their trips are followed but not counted)
 * @param measure per step, the measured window
 * @param slo a trip later than this from POST to READY counts against the step (the knee)
 * @param pastKnee steps still run after the first step past the knee
 * @param maxBacklog unfinished trips beyond which the ramp stops
 * @param drain after the last step, how long to wait for unfinished trips
 * @param idle before the ramp, how long to measure what the processes spend with no trip in flight (0: not measured)
 */
public record LoadOptions(
        List<URI> urls,
        String apiKey,
        List<Double> rates,
        Duration warmup,
        Duration measure,
        TripClient.Follow follow,
        Duration pollInterval,
        Duration followTimeout,
        Duration slo,
        int pastKnee,
        int maxBacklog,
        Duration drain,
        Duration idle,
        long seed,
        Path out,
        Path suiteDirectory,
        String bootstrapServers,
        List<String> groups,
        Duration lagInterval,
        int clientThreads) {

    static final List<Double> DEFAULT_RATES = List.of(2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0, 20.0, 24.0, 32.0);

    public static LoadOptions from(Args args) {
        LoadOptions options = new LoadOptions(
                args.strings("url", List.of("http://localhost:8080")).stream()
                        .map(URI::create)
                        .toList(),
                args.string("api-key", System.getenv().getOrDefault("ITINERA_API_KEY", "itinera-local-dev-key")),
                args.decimals("rates", DEFAULT_RATES),
                args.duration("warmup", Duration.ofSeconds(10)),
                args.duration("measure", Duration.ofSeconds(30)),
                TripClient.Follow.valueOf(args.string("follow", "sse").toUpperCase(Locale.ROOT)),
                args.duration("poll-interval", Duration.ofMillis(250)),
                args.duration("follow-timeout", Duration.ofSeconds(180)),
                args.duration("slo", Duration.ofSeconds(2)),
                args.integer("past-knee", 1),
                args.integer("max-backlog", 3000),
                args.duration("drain", Duration.ofSeconds(60)),
                args.duration("idle", Duration.ZERO),
                args.number("seed", 1),
                Path.of(args.string(
                        "out",
                        "target/harness/load-"
                                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))),
                Path.of(args.string("suite-dir", ".")),
                args.string("bootstrap", "127.0.0.1:9092"),
                args.strings("groups", ConsumerLag.DEFAULT_GROUPS),
                args.duration("lag-interval", Duration.ofSeconds(5)),
                args.integer("client-threads", 2));
        args.requireAllUsed();
        return options;
    }
}
