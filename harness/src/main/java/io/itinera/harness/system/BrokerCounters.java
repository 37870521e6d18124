package io.itinera.harness.system;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;

/**
 * What a local broker was asked to do, from its own cumulative counters: requests by kind and records appended
 * (transaction markers included). Two samples give what a window of trips cost the broker in requests, which its CPU
 * follows (its profile is request handling, not bytes). Read over JMX, attached to the broker's process by pid.
 */
public final class BrokerCounters implements AutoCloseable {

    /** Records appended to every topic, the transactions' commit markers and coordinator records included. */
    public static final String APPENDED = "appended";

    static final String REQUEST_PREFIX = "request:";

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    private static final String MESSAGES_IN = "kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec";

    private final @Nullable MBeanServerConnection server;
    private final @Nullable JMXConnector connector;

    BrokerCounters(@Nullable MBeanServerConnection server, @Nullable JMXConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Counters that were not read: every sample is empty. */
    public static BrokerCounters none() {
        return new BrokerCounters(null, null);
    }

    /**
     * Attaches to the broker's JVM (same user), starting its local JMX agent; {@link #none()} when that is not
     * possible.
     */
    public static BrokerCounters attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new BrokerCounters(connector.getMBeanServerConnection(), connector);
        } catch (Exception | LinkageError unavailable) {
            System.out.println("[load] the broker's request counters are not readable (" + unavailable
                    + "): no broker requests per trip");
            return none();
        }
    }

    /** Requests by kind ({@code request:EndTxn}, ...) and {@link #APPENDED}; empty when the broker did not answer. */
    public Map<String, Long> sample() {
        Map<String, Long> counts = new TreeMap<>();
        if (server == null) {
            return counts;
        }
        try {
            for (ObjectName name : server.queryNames(new ObjectName(REQUESTS), null)) {
                String kind = name.getKeyProperty("request");
                if (kind != null) {
                    counts.merge(REQUEST_PREFIX + kind, count(name), Long::sum);
                }
            }
            counts.put(APPENDED, count(new ObjectName(MESSAGES_IN)));
        } catch (IOException | JMException unavailable) {
            return Map.of();
        }
        return counts;
    }

    private long count(ObjectName name) throws IOException, JMException {
        return ((Number) Objects.requireNonNull(server).getAttribute(name, "Count")).longValue();
    }

    /** What was counted between two samples; empty when either is. */
    public static Map<String, Long> between(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> counted = new TreeMap<>();
        if (from.isEmpty() || to.isEmpty()) {
            return counted;
        }
        to.forEach((key, end) -> counted.put(key, end - from.getOrDefault(key, 0L)));
        return counted;
    }

    /**
     * Requests of every kind: {@code FetchConsumer} and {@code FetchFollower} are counted again under {@code Fetch}, so
     * only the latter counts.
     */
    public static long requests(Map<String, Long> counted) {
        return counted.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(REQUEST_PREFIX))
                .filter(entry -> !entry.getKey().equals(REQUEST_PREFIX + "FetchConsumer")
                        && !entry.getKey().equals(REQUEST_PREFIX + "FetchFollower"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Requests of one kind, e.g. {@code EndTxn} (one per transaction, committed or aborted). */
    public static long requests(Map<String, Long> counted, String kind) {
        return counted.getOrDefault(REQUEST_PREFIX + kind, 0L);
    }

    @Override
    public void close() throws IOException {
        if (connector != null) {
            connector.close();
        }
    }
}
