package io.itinera.enrichment.provider;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live providers, their metrics, and their health report (component {@code providers}, not in readiness). */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    @Bean
    Providers providers(ProviderProperties properties, Clock clock, MeterRegistry meters) {
        return new ProviderFactory(clock, meters).create(properties);
    }

    @Bean
    ProvidersHealthIndicator providersHealthIndicator(Providers providers) {
        return new ProvidersHealthIndicator(providers);
    }
}
