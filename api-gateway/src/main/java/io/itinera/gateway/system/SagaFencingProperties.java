package io.itinera.gateway.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a saga replica ends the transactions that replicas gone from the group left open ({@link DeadReplicaFencing}).
 *
 * @param interval how often it looks
 * @param openFor how long a transaction must have been open to be looked at: far above a live replica's commits
 *     (every {@code commit.interval.ms}), so that looking costs one request and finds nothing in normal running
 */
@ConfigurationProperties("gateway.saga.fencing")
record SagaFencingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("3s") Duration openFor) {}
