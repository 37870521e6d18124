package io.itinera.harness.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the processes of a running {@code ./run-local.sh}: from its pid files ({@code target/local/pids/<name>.pid}),
 * checked against the command line so that a stale file is not trusted, else by scanning {@code /proc} for the same
 * command line.
 */
public final class SuiteProcesses {

    /** The processes the harness measures, in report order. */
    public static final List<String> NAMES = List.of(
            "kafka",
            "api-gateway",
            "api-gateway-2",
            "api-enrichment",
            "api-enrichment-2",
            "api-generation",
            "api-generation-2");

    /** The HTTP port run-local.sh gives each service's second replica, which tells it from the first one. */
    private static final Map<String, Integer> SECOND_REPLICA_PORTS =
            Map.of("api-gateway", 8180, "api-enrichment", 8181, "api-generation", 8182);

    /** The name under which the harness's own JVM is measured. */
    public static final String HARNESS = "harness";

    private SuiteProcesses() {}

    /** @return name to pid of every suite process found, plus {@code harness} for this JVM */
    public static Map<String, Long> find(Path suiteDirectory) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : NAMES) {
            Predicate<String> matches = commandLineOf(name, suiteDirectory);
            fromPidFile(suiteDirectory.resolve("target/local/pids/" + name + ".pid"), matches)
                    .or(() -> scan(matches))
                    .ifPresent(pid -> pids.put(name, pid));
        }
        pids.put(HARNESS, ProcessHandle.current().pid());
        return pids;
    }

    static Predicate<String> commandLineOf(String name, Path suiteDirectory) {
        if (name.equals("kafka")) {
            String config = suiteDirectory.toAbsolutePath().normalize() + "/target/local/kafka/server.properties";
            return line -> line.contains("kafka.Kafka") && line.contains(config);
        }
        boolean secondReplica = name.endsWith("-2");
        String service = secondReplica ? name.substring(0, name.length() - 2) : name;
        String secondPort = "--server.port=" + SECOND_REPLICA_PORTS.get(service) + " ";
        return line -> line.contains("-jar")
                && line.contains("/" + service + "-")
                && line.contains("-exec.jar")
                && line.contains("--spring.profiles.active=local")
                && (line + " ").contains(secondPort) == secondReplica;
    }

    private static Optional<Long> fromPidFile(Path file, Predicate<String> matches) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return commandLine(pid).filter(matches).map(line -> pid);
        } catch (IOException | NumberFormatException missing) {
            return Optional.empty();
        }
    }

    private static Optional<Long> scan(Predicate<String> matches) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> commandLine(pid).filter(matches).isPresent())
                    .findFirst();
        } catch (IOException noProc) {
            return Optional.empty();
        }
    }

    static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
