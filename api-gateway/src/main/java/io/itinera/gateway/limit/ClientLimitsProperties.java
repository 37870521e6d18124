package io.itinera.gateway.limit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a client may hold open at a time, and how many live-event streams one replica serves.
 *
 * @param enabled off only to measure the suite under load from one client
 * @param clients the caps of particular clients, by client id; the others get {@code defaults}
 * @param streamsPerReplica live-event streams one replica serves at once, all clients together
 */
@Validated
@ConfigurationProperties("gateway.limits")
public record ClientLimitsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid Caps defaults,
        @DefaultValue Map<String, @Valid Caps> clients,
        @DefaultValue("2000") @Positive int streamsPerReplica) {

    /**
     * @param openTrips trips not yet READY, FAILED or CANCELLED, across the cluster
     * @param streams live-event streams open at once on one replica
     */
    public record Caps(
            @DefaultValue("50") @Positive int openTrips,
            @DefaultValue("20") @Positive int streams) {}

    public Caps of(String clientId) {
        return clients.getOrDefault(clientId, defaults);
    }
}
