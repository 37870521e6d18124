package io.itinera.events.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the shared Kafka plumbing ({@code itinera.kafka.*}); everything has a default, so a service sets
 * none of them.
 *
 * @param service the writing service in CloudEvents {@code source} and the row of the topic table whose topics are
 *     declared; defaults to {@code spring.application.name}
 * @param declareTopics whether the service creates its topics at start-up (off where an operator manages them)
 * @param sendTimeout how long a publish waits for the broker's acknowledgement
 * @param retry how often a listener retries a record before dead-lettering it
 * @param progress how often a worker reports a stage's progress
 * @param streamsLivenessGrace how long Kafka Streams may be stopped or failed before liveness turns DOWN
 * @param instanceId this process among the instances of its service (set by {@link KafkaDefaults}: the pod name on
 *     Kubernetes), for static group membership and transactional ids
 * @param staticMembership whether listener consumers join their group as static members named after the instance
 * @param hangingTransactions the watch for transactions that stay open on the partitions the service reads
 */
@ConfigurationProperties("itinera.kafka")
public record ItineraKafkaProperties(
        String service,
        @DefaultValue("true") boolean declareTopics,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Progress progress,
        @DefaultValue("60s") Duration streamsLivenessGrace,
        String instanceId,
        @DefaultValue("true") boolean staticMembership,
        @DefaultValue HangingTransactions hangingTransactions) {

    /**
     * Blocking retries with exponential back-off; bounded so that a poison record reaches its dead-letter topic fast.
     *
     * @param maxAttempts retries after the first delivery
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("3") int maxAttempts) {}

    /**
     * Progress is informational: a stage reports it only once it has been running for at least {@code minInterval}
     * since its start or its last report, so fast stages send only their completion.
     */
    public record Progress(@DefaultValue("250ms") Duration minInterval) {}

    /**
     * A transaction that stays open stalls every read_committed reader of its partition ({@link OpenTransactions}).
     *
     * @param enabled whether the service looks for them on the partitions it reads
     * @param interval how often it looks
     * @param after how long a transaction must have stayed open to be hanging: beyond any producer's
     *     {@code transaction.timeout.ms} (the workers' 6 s, the saga's 45 s) plus the coordinator's sweep for timed-out
     *     ones (every 10 s by default), after which its coordinator would have aborted it
     * @param abort whether the service writes the abort marker itself; that needs the ClusterAction permission, which
     *     the services do not have in the cluster, where the alert and its runbook lead an operator to do it
     * @param askCoordinator whether a transaction open on a partition is also checked with its coordinator, so that one
     *     the coordinator lost counts as hanging at once rather than after {@code after} ({@link CoordinatorView});
     *     that needs Describe on every transactional id, which the services do not have in the cluster
     */
    public record HangingTransactions(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("60s") Duration after,
            @DefaultValue("false") boolean abort,
            @DefaultValue("false") boolean askCoordinator) {}
}
