package io.itinera.enrichment.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows each provider's circuit breaker in {@code /actuator/health} details. Always UP: a dead provider only means
 * offline data, so it must not take the service out of rotation (and the readiness group does not include it).
 */
public class ProvidersHealthIndicator implements HealthIndicator {

    private final Providers providers;

    public ProvidersHealthIndicator(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (Provider provider : providers.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("enabled", provider.enabled());
            if (provider.enabled()) {
                CircuitBreaker.Metrics metrics = provider.breaker().getMetrics();
                details.put("breaker", provider.breakerState().name());
                details.put("failureRate", metrics.getFailureRate());
                details.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
                details.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
                details.put("fallback", provider.breakerState() == CircuitBreaker.State.CLOSED ? "no" : "offline data");
            }
            health.withDetail(provider.name(), details);
        }
        return health.build();
    }
}
