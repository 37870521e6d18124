package io.itinera.events.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready only when the broker answers and the service's own consumers (listener containers or Streams) are running, so
 * that a replica takes traffic only once it can do its work.
 */
public class KafkaReadinessIndicator implements HealthIndicator, DisposableBean {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final BooleanSupplier consumersRunning;
    private final String consumersDescription;
    private @Nullable Admin admin;

    /**
     * @param adminConfig admin client properties (at least the bootstrap servers)
     * @param consumersRunning whether the service's consumers are running
     * @param consumersDescription what those consumers are, for the health details
     */
    public KafkaReadinessIndicator(
            Map<String, Object> adminConfig, BooleanSupplier consumersRunning, String consumersDescription) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.consumersRunning = consumersRunning;
        this.consumersDescription = consumersDescription;
    }

    @Override
    public Health health() {
        int brokers;
        try {
            brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) BROKER_TIMEOUT.toMillis()))
                    .nodes()
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("broker", "unreachable: " + e.getClass().getSimpleName())
                    .build();
        }
        boolean running = consumersRunning.getAsBoolean();
        Health.Builder health = running ? Health.up() : Health.down();
        return health.withDetail("brokers", brokers)
                .withDetail(consumersDescription, running ? "running" : "not running")
                .build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(adminConfig);
            config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
