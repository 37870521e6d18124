package io.itinera.gateway.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends at once the transaction a saga replica left open when it died, instead of at its timeout.
 *
 * <p>The saga's transaction timeout has to outlast a broker restart: a broker back after it has aborted the open
 * transaction with a new producer epoch, and Kafka Streams takes the replica for fenced, drops its tasks and, under
 * exactly-once, wipes and restores their stores (ADR 0011, session 18). But the timeout is also how long a dead
 * replica's open transaction keeps everything written after it on the partitions it wrote from {@code read_committed}
 * readers (the workers' requests, the read models' state topic), and its tasks' offsets pending when it died while
 * committing, so that the replica taking its tasks over waits for it. This watch takes that second job off the
 * timeout: every {@code interval} it lists the transactions open for longer than {@code openFor} (none while every
 * replica commits every few milliseconds), and ends those of replicas that are no longer members of the saga's group
 * the way Kafka ends a producer's transaction for its successor: a producer with the same transactional id
 * initialises, which aborts it.
 *
 * <p>It acts only on what it can read for sure: the group as its coordinator describes it, with this replica among
 * the members (otherwise the view is stale, or this replica is the one out), and names it can attribute to a process
 * ({@link ReplicaIds}). A replica that has merely paused past its session is out of the group already; fencing it does
 * what the rebalance that moved its tasks does anyway.
 */
final class DeadReplicaFencing implements SmartLifecycle {

    static final String FENCED = "itinera.saga.replicas.fenced";

    private static final Logger log = LoggerFactory.getLogger(DeadReplicaFencing.class);
    private static final long TIMEOUT_MS = 5_000;

    private final Map<String, Object> adminConfig;
    private final Map<String, Object> producerConfig;
    private final String groupId;
    private final ReplicaIds ids;
    private final Supplier<Optional<String>> thisProcess;
    private final SagaFencingProperties settings;
    private final Counter fenced;
    private volatile @Nullable Admin admin;
    private @Nullable ScheduledExecutorService sweeper;
    private boolean unnamedMembersReported;

    /**
     * @param applicationId the saga's Kafka Streams application id, also its group's id
     * @param thisProcess this replica's Streams process id, once Streams runs
     */
    DeadReplicaFencing(
            Map<String, Object> adminConfig,
            Map<String, Object> producerConfig,
            String applicationId,
            Supplier<Optional<String>> thisProcess,
            SagaFencingProperties settings,
            MeterRegistry meters) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.producerConfig = Map.copyOf(producerConfig);
        this.groupId = applicationId;
        this.ids = new ReplicaIds(applicationId);
        this.thisProcess = thisProcess;
        this.settings = settings;
        this.fenced = Counter.builder(FENCED)
                .description("Transactions of saga replicas gone from the group, ended by fencing their producer")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || sweeper != null) {
            return;
        }
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "itinera-saga-fencing");
        admin = Admin.create(config);
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "saga-fencing");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = sweeper;
        sweeper = null;
        if (running != null) {
            // a sweep waiting on an absent broker is interrupted rather than waited for
            running.shutdownNow();
            try {
                running.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (ExecutionException | TimeoutException e) {
            // the broker is away or the coordinator loading: nothing can be judged now, the next sweep asks again
            log.debug("could not look for dead replicas' transactions: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not look for dead replicas' transactions", e);
        }
    }

    /** One look; the transactional ids it fenced. */
    Set<String> sweep() throws ExecutionException, InterruptedException, TimeoutException {
        Admin client = admin;
        Optional<String> self = thisProcess.get();
        if (client == null || self.isEmpty()) {
            return Set.of();
        }
        Map<String, String> processByTransaction = new TreeMap<>();
        for (TransactionListing open : longOpen(client)) {
            ids.ofTransaction(open.transactionalId())
                    .ifPresent(process -> processByTransaction.put(open.transactionalId(), process));
        }
        if (processByTransaction.isEmpty()) {
            return Set.of();
        }
        Optional<Set<String>> members = memberProcesses(client);
        if (members.isEmpty() || !members.get().contains(self.get())) {
            return Set.of();
        }
        Set<String> ended = new HashSet<>();
        processByTransaction.forEach((transactionalId, process) -> {
            if (!members.get().contains(process)) {
                fence(transactionalId);
                ended.add(transactionalId);
            }
        });
        return ended;
    }

    private Collection<TransactionListing> longOpen(Admin client)
            throws ExecutionException, InterruptedException, TimeoutException {
        return client.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.ONGOING))
                        .filterOnDuration(settings.openFor().toMillis()))
                .all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** The processes with a member in the saga's group; empty when a member cannot be attributed to one. */
    private Optional<Set<String>> memberProcesses(Admin client)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription group = client.describeConsumerGroups(List.of(groupId))
                .all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(groupId);
        if (group == null) {
            return Optional.empty();
        }
        Set<String> processes = new HashSet<>();
        for (MemberDescription member : group.members()) {
            Optional<String> process = ids.ofThread(member.clientId());
            if (process.isEmpty()) {
                if (!unnamedMembersReported) {
                    unnamedMembersReported = true;
                    log.warn(
                            "saga group member {} is not named <application id>-<process id>-StreamThread-<n>-consumer"
                                    + " (a client.id set?): dead replicas' transactions are left to their timeout",
                            member.clientId());
                }
                return Optional.empty();
            }
            processes.add(process.get());
        }
        return Optional.of(processes);
    }

    /** Initialising a producer with the same transactional id aborts its open transaction and fences the old one. */
    private void fence(String transactionalId) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "saga-fencing-" + transactionalId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT_MS);
        try (Producer<byte[], byte[]> successor = new KafkaProducer<>(config)) {
            successor.initTransactions();
            fenced.increment();
            log.warn(
                    "ended the open transaction of {}: its saga replica has left the group (its tasks move on at once"
                            + " instead of at the transaction timeout)",
                    transactionalId);
        }
    }
}
