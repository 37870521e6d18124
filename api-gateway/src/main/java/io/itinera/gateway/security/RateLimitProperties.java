package io.itinera.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client request budgets: a token bucket of {@code capacity} requests refilled at {@code refillPerSecond}.
 *
 * @param clients budgets of particular clients, by client id; the others get {@code defaults}
 */
@Validated
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid Budget defaults,
        @DefaultValue Map<String, @Valid Budget> clients) {

    public record Budget(
            @DefaultValue("30") @Positive int capacity,
            @DefaultValue("10") @Positive double refillPerSecond) {}

    Budget budgetOf(String clientId) {
        return clients.getOrDefault(clientId, defaults);
    }
}
