package io.itinera.enrichment.money;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the shipped reference rates once. */
@Configuration(proxyBeanMethods = false)
class MoneyConfiguration {

    @Bean
    OfflineRates offlineRates() {
        return OfflineRates.shipped();
    }
}
