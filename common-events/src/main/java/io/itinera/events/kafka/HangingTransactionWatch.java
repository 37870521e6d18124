package io.itinera.events.kafka;

import io.itinera.events.kafka.OpenTransactions.Open;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks at the partitions the service reads every {@code interval} for transactions that stay open ({@link
 * OpenTransactions}) or, where allowed ({@code askCoordinator}), that their coordinator no longer holds ({@link
 * CoordinatorView}), counts them in {@value #HANGING} (the alert {@code ItineraHangingTransaction}), logs the command
 * that aborts each, and, where allowed ({@code abort}), aborts it: the abort marker lets the partition's readers go on.
 * It drops the records the transaction holds on that partition, which for a committed transaction whose marker the
 * broker lost are committed records (ADR 0011, session 14).
 */
final class HangingTransactionWatch implements SmartLifecycle {

    static final String HANGING = "itinera.kafka.hanging.transactions";
    static final String ABORTED = "itinera.kafka.hanging.transactions.aborted";

    private static final Logger log = LoggerFactory.getLogger(HangingTransactionWatch.class);
    private static final long TIMEOUT_MS = 10_000;
    private static final String OFFSETS = "__consumer_offsets";

    private final Map<String, Object> adminConfig;
    private final Supplier<Set<String>> topics;
    private final ItineraKafkaProperties.HangingTransactions settings;
    private final OpenTransactions open;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicInteger hangingNow = new AtomicInteger();
    private final Set<Open> reported = ConcurrentHashMap.newKeySet();
    private @Nullable ScheduledExecutorService sweeper;
    private volatile @Nullable Admin admin;

    HangingTransactionWatch(
            Map<String, Object> adminConfig,
            Supplier<Set<String>> topics,
            ItineraKafkaProperties.HangingTransactions settings,
            MeterRegistry meters,
            Clock clock) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topics = topics;
        this.settings = settings;
        this.open = new OpenTransactions(settings.after());
        this.meters = meters;
        this.clock = clock;
        Gauge.builder(HANGING, hangingNow, AtomicInteger::get)
                .description("Transactions open on a partition this service reads for longer than any producer's"
                        + " transaction timeout: its read_committed readers cannot pass them")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "itinera-hanging-transactions");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS / 2);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        admin = Admin.create(config);
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hanging-transactions");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }

    /** One look; a broker that does not answer is looked at again next time. */
    void sweep() {
        Admin client = admin;
        if (client == null) {
            return;
        }
        try {
            Set<Open> openNow = openNow(client);
            List<Open> hanging = new ArrayList<>(open.hanging(openNow, clock.instant()));
            Set<Open> lost = settings.askCoordinator() ? lost(client, openNow, hanging) : Set.of();
            lost.stream().filter(transaction -> !hanging.contains(transaction)).forEach(hanging::add);
            hangingNow.set(hanging.size());
            reported.retainAll(hanging);
            for (Open transaction : hanging) {
                String why = lost.contains(transaction)
                        ? "that its coordinator no longer holds"
                        : "for more than " + settings.after();
                if (settings.abort()) {
                    abort(client, transaction, why);
                } else if (reported.add(transaction)) {
                    log.error(
                            "A transaction has been open on {} since offset {} {}: its readers are stalled"
                                    + " there. Abort it (runbook ItineraHangingTransaction): kafka-transactions.sh"
                                    + " --bootstrap-server <broker> abort --topic {} --partition {} --start-offset {}",
                            transaction.partition(),
                            transaction.startOffset(),
                            why,
                            transaction.partition().topic(),
                            transaction.partition().partition(),
                            transaction.startOffset());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception unanswered) {
            log.debug("could not look for hanging transactions: {}", unanswered.toString());
        }
    }

    /**
     * The transactions of {@code openNow} (described at t0) whose coordinator describes their producer's transaction as
     * finished or without their partition (asked at t1), and that are still open at the same offset (described again
     * at t2). A live transaction open on a partition from t0 to t2 is held by its coordinator throughout, so only a lost
     * one passes; one that ended between t0 and t1 is no longer open at t2. A producer that no coordinator describes
     * (one still loading after a restart, say) is not judged ({@link CoordinatorView}).
     */
    private Set<Open> lost(Admin client, Set<Open> openNow, List<Open> hanging) throws Exception {
        Set<Open> suspects = new HashSet<>(openNow);
        hanging.forEach(suspects::remove);
        Set<Open> unknown;
        try {
            unknown = CoordinatorView.unknown(client, suspects, TIMEOUT_MS);
        } catch (ExecutionException | TimeoutException unanswered) {
            log.debug("the transaction coordinators did not answer: {}", unanswered.toString());
            return Set.of();
        }
        if (unknown.isEmpty()) {
            return Set.of();
        }
        Set<Open> stillOpen = openNow(client);
        stillOpen.retainAll(unknown);
        return stillOpen;
    }

    /**
     * The transactions open now on the partitions of the topics the service reads and of {@value #OFFSETS} (a
     * transactional offset commit left open there stalls a group's start as much). A topic or partition that cannot be
     * described (not created yet, or not readable under the service's ACLs) is left out.
     */
    private Set<Open> openNow(Admin client) throws Exception {
        Set<String> names = new TreeSet<>(topics.get());
        if (names.isEmpty()) {
            return Set.of();
        }
        names.add(OFFSETS);
        List<TopicPartition> partitions = new ArrayList<>();
        for (var topic : client.describeTopics(names).topicNameValues().entrySet()) {
            TopicDescription description = answer(topic.getValue());
            if (description != null) {
                description
                        .partitions()
                        .forEach(
                                partition -> partitions.add(new TopicPartition(topic.getKey(), partition.partition())));
            }
        }
        DescribeProducersResult producers = client.describeProducers(partitions);
        Set<Open> openNow = new HashSet<>();
        for (TopicPartition partition : partitions) {
            PartitionProducerState state = answer(producers.partitionResult(partition));
            if (state == null) {
                continue;
            }
            for (ProducerState producer : state.activeProducers()) {
                producer.currentTransactionStartOffset()
                        .ifPresent(start -> openNow.add(new Open(
                                partition,
                                producer.producerId(),
                                producer.producerEpoch(),
                                producer.coordinatorEpoch().orElse(-1),
                                start)));
            }
        }
        return openNow;
    }

    /** A future's value, or null when the broker refused that one (a missing topic, a partition not readable). */
    private static <T> @Nullable T answer(KafkaFuture<T> future) throws InterruptedException, TimeoutException {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException refused) {
            return null;
        }
    }

    private void abort(Admin client, Open transaction, String why) throws Exception {
        client.abortTransaction(new AbortTransactionSpec(
                        transaction.partition(),
                        transaction.producerId(),
                        (short) transaction.producerEpoch(),
                        transaction.coordinatorEpoch()))
                .all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Counter.builder(ABORTED)
                .description("Transactions left open on a partition this service reads, aborted by it")
                .tag("topic", transaction.partition().topic())
                .register(meters)
                .increment();
        log.warn(
                "aborted a transaction open on {} since offset {} {} (producer {}, epoch {}): its readers go on",
                transaction.partition(),
                transaction.startOffset(),
                why,
                transaction.producerId(),
                transaction.producerEpoch());
    }
}
