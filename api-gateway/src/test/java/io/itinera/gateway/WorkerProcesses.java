package io.itinera.gateway;

import io.itinera.kafka.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The two workers as the separate processes they are in production: their executable jars, started once per test JVM
 * against the test broker, and stopped when the JVM exits. The jars' paths come from the build (failsafe system
 * properties), which builds the workers before the gateway.
 */
public final class WorkerProcesses {

    // Generous: three JVMs starting at once on a loaded 2-core machine.
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final Map<String, Worker> WORKERS = new HashMap<>();
    private static boolean started;
    private static int gatewayPort;
    private static int enrichmentPort;

    private WorkerProcesses() {}

    public static synchronized void start() {
        start(List.of());
    }

    /**
     * Starts the workers once per JVM (each failsafe test class has its own JVM).
     *
     * @param enrichmentArguments extra command-line arguments for api-enrichment, e.g. to enable live providers
     */
    public static synchronized void start(List<String> enrichmentArguments) {
        if (started) {
            return;
        }
        String bootstrap = KafkaTestBroker.bootstrapServers();
        List<Worker> workers = new ArrayList<>();
        enrichmentPort = freePort();
        List<String> enrichment = new ArrayList<>(enrichmentArguments);
        // The warm-up rehearses 24 enrichments before the listeners start (5-8 s of a start beside the other test
        // JVMs): a cost for the suite's CPU, not something these tests are about. EnrichmentWarmUpTests covers it.
        enrichment.add(0, "--enrichment.warm-up.trips=0");
        workers.add(launch(
                "api-enrichment", System.getProperty("itinera.enrichment.jar"), bootstrap, enrichmentPort, enrichment));
        // The same for api-generation's 12 rehearsed plans; GenerationWarmUpTests covers them.
        workers.add(launch(
                "api-generation",
                System.getProperty("itinera.generation.jar"),
                bootstrap,
                0,
                List.of("--generation.warm-up.trips=0")));
        for (Worker worker : workers) {
            worker.awaitReady();
            WORKERS.put(worker.name(), worker);
        }
        started = true;
    }

    /**
     * Kills a worker started by {@link #start} with SIGKILL, as a crash or the OOM killer would, and starts it again
     * with the same arguments and instance id, as Kubernetes restarts a pod's container; returns once it is ready.
     */
    public static synchronized void killAndRestart(String name) throws InterruptedException {
        Worker worker = WORKERS.get(name);
        if (worker == null) {
            throw new IllegalStateException(name + " was not started by WorkerProcesses.start");
        }
        worker.process().destroyForcibly().waitFor();
        Worker restarted = worker.launch().start();
        WORKERS.put(name, restarted);
        restarted.awaitReady();
    }

    /**
     * Starts the gateway's executable jar too (once per JVM), for tests that meet the suite only over HTTP, as a client
     * does; the jar's path comes from the {@code itinera.gateway.jar} system property.
     *
     * @param arguments e.g. the API keys it accepts (its default profile refuses to start without one)
     * @return the port of its API
     */
    public static synchronized int startGateway(List<String> arguments) {
        if (gatewayPort == 0) {
            int port = freePort();
            List<String> all = new ArrayList<>(arguments);
            all.add("--spring.kafka.streams.state-dir=" + GatewayTestSupport.newStateDir());
            if (enrichmentPort != 0) {
                // Destination search is routed to the enrichment worker started above.
                all.add("--gateway.routes.enrichment-uri=http://localhost:" + enrichmentPort);
            }
            launch(
                            "api-gateway",
                            System.getProperty("itinera.gateway.jar"),
                            KafkaTestBroker.bootstrapServers(),
                            port,
                            all)
                    .awaitReady();
            gatewayPort = port;
        }
        return gatewayPort;
    }

    private static Worker launch(
            String name, String jar, String bootstrap, int serverPort, List<String> extraArguments) {
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("executable jar of " + name + " not found at " + jar
                    + ": run the build from the root (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--server.port=" + serverPort,
                // one instance per JVM and service: a restart takes over its predecessor's transactions
                "--itinera.kafka.instance-id=e2e-" + ProcessHandle.current().pid()));
        command.addAll(extraArguments);
        return new Launch(name, command).start();
    }

    /** How a process was started, so that it can be started again the same way. */
    private record Launch(String name, List<String> command) {

        Worker start() {
            int managementPort = freePort();
            // per test JVM: Failsafe runs two test classes at once
            Path log = Path.of("target", "e2e-logs", ProcessHandle.current().pid() + "-" + name + ".log");
            List<String> withPort = new ArrayList<>(command);
            withPort.add("--management.server.port=" + managementPort);
            try {
                Files.createDirectories(log.getParent());
                Process process = new ProcessBuilder(withPort)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-shutdown"));
                return new Worker(name, process, managementPort, log, this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Worker(String name, Process process, int managementPort, Path log, Launch launch) {

        void awaitReady() {
            HttpClient http = HttpClient.newHttpClient();
            URI readiness = URI.create("http://localhost:" + managementPort + "/actuator/health/readiness");
            Awaitility.await(name + " ready")
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                        }
                        try {
                            HttpRequest request = HttpRequest.newBuilder(readiness)
                                    .timeout(Duration.ofSeconds(2))
                                    .build();
                            return http.send(request, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
        }
    }
}
