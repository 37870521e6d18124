package io.itinera.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Opens a worker's transactional producers before its listeners poll, one per listener thread, and leaves them in the
 * producer factory's cache. A restarted instance keeps its transactional ids ({@code <prefix><n>}, the prefix naming
 * the instance), so each {@code initTransactions()} fences its predecessor's producer of that id and aborts the
 * transaction it left open at once; otherwise that transaction stays open, holding back every {@code read_committed}
 * reader of the partitions it wrote (the saga), until {@code transaction.timeout.ms} runs out and the broker's next
 * clean-up aborts it, or until the listener thread that gets that id has records. The first poll then also skips the
 * producer's start.
 */
public final class TransactionFencing extends StartupStep {

    /** Just before the listener containers start ({@link AbstractMessageListenerContainer#DEFAULT_PHASE}). */
    static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 1;

    private static final Logger log = LoggerFactory.getLogger(TransactionFencing.class);

    private final @Nullable ProducerFactory<?, ?> producers;
    private final IntSupplier listenerThreads;
    private final Duration wait;

    /**
     * @param producers the service's producer factory; nothing to do unless it is transactional
     * @param listenerThreads how many listener threads may each hold a transactional producer at a time
     * @param wait how long the start waits for the producers (with the broker away it goes on without them, and the
     *     listeners open theirs when they first need one)
     */
    public TransactionFencing(@Nullable ProducerFactory<?, ?> producers, IntSupplier listenerThreads, Duration wait) {
        super(PHASE);
        this.producers = producers;
        this.listenerThreads = listenerThreads;
        this.wait = wait;
    }

    @Override
    protected void run() {
        ProducerFactory<?, ?> factory = producers;
        int threads = listenerThreads.getAsInt();
        if (factory == null || !factory.transactionCapable() || threads == 0) {
            return;
        }
        // The caller's context class loader, not the common pool's: Kafka loads its configuration's classes by name
        // through it, and under Spring Boot's launcher only the application's loader can see them (on JDK 25 a
        // producer's first start on a system-loader thread broke ProducerConfig for the whole process).
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> open(factory, threads, loader));
        try {
            opened.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            log.info("{} transactional producers open, their predecessors fenced", threads);
        } catch (TimeoutException slow) {
            log.warn("transactional producers not open after {}; the listeners start without waiting", wait);
        } catch (ExecutionException failed) {
            log.warn(
                    "could not open the transactional producers ahead of the listeners: {}",
                    String.valueOf(failed.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens them all at once, so that each takes a fresh id, then hands them back to the factory's cache. Each in a
     * thread of its own: a producer's start waits on the broker (its {@code InitProducerId} aborts what the predecessor
     * left open), and one after the other this took 2 s of a worker's start with four listener threads (issue 11).
     */
    private static void open(ProducerFactory<?, ?> factory, int threads, @Nullable ClassLoader loader) {
        ExecutorService starters = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "transaction-fencing");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        List<CompletableFuture<Producer<?, ?>>> opening = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                opening.add(CompletableFuture.supplyAsync(factory::createProducer, starters));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).join();
        } finally {
            opening.forEach(producer -> producer.thenAccept(Producer::close));
            starters.shutdown();
        }
    }
}
