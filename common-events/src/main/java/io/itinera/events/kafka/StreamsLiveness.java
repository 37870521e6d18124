package io.itinera.events.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Liveness of a Kafka Streams client: DOWN once it has been stopped or failed for longer than a grace period, so that
 * the platform restarts the pod instead of leaving an API up that answers from a frozen read model. A short stop (a
 * rebalance, a thread being replaced, a start-up) stays UP; the grace is counted from the first probe that saw it.
 */
public class StreamsLiveness implements HealthIndicator {

    private static final Set<KafkaStreams.State> STOPPED = EnumSet.of(
            KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.NOT_RUNNING,
            KafkaStreams.State.PENDING_SHUTDOWN);

    private final Supplier<KafkaStreams.State> state;
    private final Duration grace;
    private final Clock clock;
    private @Nullable Instant stoppedSince;

    public StreamsLiveness(StreamsBuilderFactoryBean streams, Duration grace, Clock clock) {
        this(
                () -> {
                    KafkaStreams kafkaStreams = streams.getKafkaStreams();
                    return kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
                },
                grace,
                clock);
    }

    StreamsLiveness(Supplier<KafkaStreams.State> state, Duration grace, Clock clock) {
        this.state = state;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        KafkaStreams.State state = this.state.get();
        if (!STOPPED.contains(state)) {
            stoppedSince = null;
            return Health.up().withDetail("state", state).build();
        }
        Instant now = clock.instant();
        if (stoppedSince == null) {
            stoppedSince = now;
        }
        Duration stopped = Duration.between(stoppedSince, now);
        Health.Builder health = stopped.compareTo(grace) > 0 ? Health.down() : Health.up();
        return health.withDetail("state", state)
                .withDetail("stoppedFor", stopped.toString())
                .withDetail("grace", grace.toString())
                .build();
    }
}
