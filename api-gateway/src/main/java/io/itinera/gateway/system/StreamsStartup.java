package io.itinera.gateway.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the saga's Kafka Streams client (in place of Spring, whose factory no longer starts it by itself) so that a
 * start-up fault does not leave the gateway without its saga:
 *
 * <ul>
 *   <li>it waits, bounded, until every topic the topology reads has partitions: on a fresh broker all services declare
 *       the same topics at once, and a topic a worker has just created can lack partitions for a moment, which Streams
 *       treats as fatal for a global store;
 *   <li>it deletes the global stores' local copy when its checkpoint lies past its topic's end (see {@link GlobalState});
 *   <li>a start that fails anyway is tried again, within the same bound;
 *   <li>a client stopped by a failure that a new client cures (an invalid offset: Streams has then wiped the global
 *       stores' copy and asks for a restart) is replaced, a few times at most.
 * </ul>
 *
 * Meanwhile readiness stays DOWN (Streams is not RUNNING) and liveness UP (a client not created yet, or stopped for
 * less than the grace).
 */
final class StreamsStartup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsStartup.class);

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final int MAX_REPLACEMENTS = 3;

    private final StreamsBuilderFactoryBean streams;
    private final Map<String, Object> adminConfig;
    private final Duration wait;
    private final AtomicInteger replacementsLeft = new AtomicInteger(MAX_REPLACEMENTS);
    private final ExecutorService replacements = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "streams-replacement");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lifecycle = new Object();
    private volatile boolean running;

    /**
     * @param adminConfig how an admin client reaches the broker
     * @param wait how long a start waits for the topics and tries again
     */
    StreamsStartup(StreamsBuilderFactoryBean streams, Map<String, Object> adminConfig, Duration wait) {
        this.streams = streams;
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        this.wait = wait;
        streams.setAutoStartup(false);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            running = true;
            startStreams();
        }
    }

    /** Blocks (bounded by {@code wait}) like the factory's own start, which restores the global stores before it returns. */
    private void startStreams() {
        long deadline = System.nanoTime() + wait.toNanos();
        prepare();
        while (true) {
            try {
                streams.start();
                return;
            } catch (RuntimeException e) {
                closeFailedClient();
                if (!running || System.nanoTime() + RETRY_PAUSE.toNanos() > deadline) {
                    throw e;
                }
                log.warn("Kafka Streams could not start ({}); trying again in {}", rootCause(e), RETRY_PAUSE);
                pause();
            }
        }
    }

    private void prepare() {
        try (Admin admin = Admin.create(adminConfig)) {
            SourceTopics.of(streams.getTopology()).awaitPartitions(admin, wait);
            GlobalState global = GlobalState.of(
                    Objects.requireNonNull(streams.getStreamsConfiguration(), "the Streams configuration"));
            Map<TopicPartition, Long> pastTheEnd = global.pastTheEnd(admin);
            if (!pastTheEnd.isEmpty()) {
                log.warn(
                        "the global stores' local copy was read past the end of its topics (checkpoints {}): the broker"
                                + " lost records; deleting {} so that Streams restores it from the topics",
                        pastTheEnd,
                        global.directory());
                global.delete();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The broker is away: Streams' own start waits for it (and fails, after its timeouts, as it did before).
            log.warn("could not check the topics before starting Kafka Streams: {}", e.toString());
        }
    }

    /** A client whose start threw was never handed back by the factory; it still holds its threads and state lock. */
    private void closeFailedClient() {
        KafkaStreams failed = streams.getKafkaStreams();
        if (failed != null && !streams.isRunning()) {
            failed.close(Duration.ofSeconds(10));
        }
    }

    /**
     * The client's uncaught-exception handler, called on the dying thread. A stream thread killed by an unexpected
     * error is replaced; the client keeps its other threads and state. The global thread cannot be replaced (Streams
     * answers {@code REPLACE_THREAD} for it by closing the client and then failing on a cast), and a failure such as an
     * invalid offset is cured only by a new client: both stop this client and a new one replaces it, a few times at
     * most, so that a fault a restart does not cure ends in the liveness probe's hands.
     */
    StreamThreadExceptionResponse handle(Throwable failure) {
        boolean globalThread = isGlobalThread(Thread.currentThread());
        if (running && (globalThread || curedByNewClient(failure)) && replacementsLeft.getAndDecrement() > 0) {
            KafkaStreams failed = streams.getKafkaStreams();
            log.warn(
                    "Kafka Streams' {} failed with {}; replacing the client",
                    globalThread ? "global thread" : "stream thread",
                    rootCause(failure),
                    failure);
            replacements.execute(() -> replace(failed));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (globalThread) {
            log.error(
                    "the saga's global thread died; the client stops (not replaced: shutting down, or replaced too often) and liveness reports it",
                    failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        log.error("a saga stream thread died; replacing it", failure);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Streams names its global thread {@code <client id>-GlobalStreamThread}, its stream threads {@code -StreamThread-n}. */
    static boolean isGlobalThread(Thread thread) {
        return thread.getName().endsWith("-GlobalStreamThread");
    }

    static boolean curedByNewClient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidOffsetException) {
                return true;
            }
        }
        return false;
    }

    private void replace(@Nullable KafkaStreams failed) {
        // The global thread deletes its stores only as it ends, before the client reaches ERROR.
        awaitStopped(failed);
        synchronized (lifecycle) {
            if (!running || streams.getKafkaStreams() != failed) {
                return;
            }
            streams.stop();
            try {
                startStreams();
                log.info("Kafka Streams client replaced");
            } catch (RuntimeException e) {
                log.error("could not replace the Kafka Streams client; liveness reports it stopped", e);
            }
        }
    }

    private static void awaitStopped(@Nullable KafkaStreams failed) {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (failed != null && !failed.state().hasCompletedShutdown() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    @Override
    public void stop() {
        running = false;
        replacements.shutdown();
        try {
            // a replacement in progress ends first; then the factory, one phase later, stops the client
            replacements.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts the factory where it would have started itself; stops first, so that no replacement outlives it. */
    @Override
    public int getPhase() {
        return streams.getPhase() + 1;
    }
}
