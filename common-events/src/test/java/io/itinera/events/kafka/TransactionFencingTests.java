package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.ProducerFactory;

/** The broker-side effect (fencing a predecessor) is checked in api-generation's TransactionFencingIntegrationTests. */
class TransactionFencingTests {

    /**
     * Under Spring Boot's launcher only the application's class loader sees Kafka's classes, and Kafka loads the
     * classes its configuration names through the thread's context class loader: a producer started on a thread of
     * the common pool (system loader) left ProducerConfig unusable for the whole process on JDK 25.
     */
    @Test
    void producersStartWithTheStartingThreadsContextClassLoader() throws InterruptedException {
        List<ClassLoader> seen = new CopyOnWriteArrayList<>();
        ProducerFactory<String, String> factory = new ProducerFactory<>() {
            @Override
            public Producer<String, String> createProducer() {
                seen.add(Thread.currentThread().getContextClassLoader());
                return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
            }

            @Override
            public boolean transactionCapable() {
                return true;
            }
        };
        ClassLoader applications =
                new URLClassLoader("application", new URL[0], getClass().getClassLoader());
        Thread starting = Thread.currentThread();
        ClassLoader before = starting.getContextClassLoader();
        starting.setContextClassLoader(applications);
        try {
            new TransactionFencing(factory, () -> 3, Duration.ofSeconds(10)).start();
        } finally {
            starting.setContextClassLoader(before);
        }

        assertThat(seen).hasSize(3).containsOnly(applications);
    }

    /**
     * Starts every worker of the common pool from a thread with another context class loader, so that the step under
     * test cannot get its caller's loader by starting a worker itself (JDK 17 lets a new worker inherit its starter's
     * loader; JDK 25 gives workers the system loader). On JDK 17 with two cores CompletableFuture bypasses the pool
     * and starts a thread per task, which inherits the caller's loader: there, only JDK 25 tells the two apart.
     */
    private static void startCommonPoolWorkersWith(ClassLoader loader) throws InterruptedException {
        int workers = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch allRunning = new CountDownLatch(workers);
        Thread starter = new Thread(() -> {
            CompletableFuture<?>[] tasks = new CompletableFuture<?>[workers];
            for (int i = 0; i < workers; i++) {
                tasks[i] = CompletableFuture.runAsync(() -> {
                    allRunning.countDown();
                    awaitQuietly(allRunning);
                });
            }
            CompletableFuture.allOf(tasks).join();
        });
        starter.setContextClassLoader(loader);
        starter.start();
        starter.join();
        assertThat(allRunning.getCount())
                .as("common pool workers running at once")
                .isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
