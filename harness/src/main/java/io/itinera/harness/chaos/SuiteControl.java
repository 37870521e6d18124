package io.itinera.harness.chaos;

import io.itinera.harness.system.SuiteProcesses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Signals {@code run-local.sh}'s processes and waits until the suite is back: a process is back when its pid changed
 * (run-local.sh rewrote the pid file) and it answers ready (the broker: its port accepts connections).
 */
final class SuiteControl {

    /** The processes of a two-replica suite and their management ports; the broker has none. */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "api-gateway", 9080,
            "api-gateway-2", 9180,
            "api-enrichment", 9081,
            "api-enrichment-2", 9181,
            "api-generation", 9082,
            "api-generation-2", 9182);

    private static final List<String> SECOND_WORKERS = List.of("api-enrichment-2", "api-generation-2");

    private static final int BROKER_PORT = 9092;

    private final Path suiteDirectory;
    private final List<String> processes;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param workerReplicas 1 or 2: whether the suite runs {@code api-enrichment-2} and {@code api-generation-2} */
    SuiteControl(Path suiteDirectory, int workerReplicas) {
        this.suiteDirectory = suiteDirectory;
        this.processes = processes(workerReplicas);
    }

    /** The processes of a suite with two gateway replicas and this many of each worker. */
    static List<String> processes(int workerReplicas) {
        List<String> all = new ArrayList<>(List.of("kafka", "api-enrichment", "api-generation"));
        if (workerReplicas == 2) {
            all.addAll(SECOND_WORKERS);
        }
        all.addAll(List.of("api-gateway", "api-gateway-2"));
        return List.copyOf(all);
    }

    List<String> processes() {
        return processes;
    }

    /** @return the process's pid, or -1 when it is not running */
    long pid(String process) {
        return SuiteProcesses.find(suiteDirectory).getOrDefault(process, -1L);
    }

    /**
     * Deletes a gateway replica's Kafka Streams state directory ({@code target/local/state/<process>}, where
     * {@code run-local.sh} puts the second replica's) while it runs: its open files stay valid until it is signalled,
     * and it comes back with a new process id.
     */
    void deleteStateDirectory(String process) throws IOException {
        Path state = suiteDirectory.resolve("target/local/state").resolve(process);
        if (!Files.isDirectory(state)) {
            throw new IllegalStateException(process + " has no state directory at " + state);
        }
        try (Stream<Path> paths = Files.walk(state)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Sends SIGKILL ({@code force}) or SIGTERM; returns the pid it signalled. */
    long signal(String process, boolean force) {
        long pid = pid(process);
        if (pid < 0) {
            throw new IllegalStateException(process + " is not running");
        }
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(process + " is gone"));
        boolean sent = force ? handle.destroyForcibly() : handle.destroy();
        if (!sent) {
            throw new IllegalStateException("could not signal " + process + " (pid " + pid + ")");
        }
        return pid;
    }

    /**
     * Waits until a process other than {@code oldPid} runs under that name and is ready.
     *
     * @return when the replacement started, as {@link System#nanoTime()}, or empty on time-out
     */
    OptionalLong awaitReplaced(String process, long oldPid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            long pid = pid(process);
            if (pid > 0 && pid != oldPid && ready(process)) {
                Optional<Instant> started =
                        ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
                long ago = started.map(at -> Duration.between(at, Instant.now()).toNanos())
                        .orElse(0L);
                return OptionalLong.of(System.nanoTime() - ago);
            }
            Thread.sleep(250);
        }
        return OptionalLong.empty();
    }

    /** Waits until every process of the suite is ready; false on time-out. */
    boolean awaitAllReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (processes.stream().allMatch(this::ready)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    boolean ready(String process) {
        Integer port = MANAGEMENT_PORTS.get(process);
        if (port == null) {
            return listening(BROKER_PORT);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
