package io.itinera.events.kafka;

import io.itinera.events.TopicSpec;
import java.util.Collection;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Turns topic specs into {@link NewTopic}s for Spring's {@link KafkaAdmin}, which creates the missing ones at start-up.
 * Each service declares the topics it writes and reads, so it starts in any order; in a cluster the operator manages
 * topics instead and {@code spring.kafka.admin.auto-create} is off.
 */
public final class TopicDeclarations {

    private TopicDeclarations() {}

    public static KafkaAdmin.NewTopics of(Collection<? extends TopicSpec<?>> specs) {
        return new KafkaAdmin.NewTopics(
                specs.stream().map(TopicDeclarations::toNewTopic).toArray(NewTopic[]::new));
    }

    static NewTopic toNewTopic(TopicSpec<?> spec) {
        TopicBuilder builder =
                TopicBuilder.name(spec.name()).partitions(spec.partitions()).replicas(1);
        if (spec.compacted()) {
            builder.compact();
        } else {
            builder.config(
                    TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(spec.retention().toMillis()));
        }
        return builder.build();
    }
}
