package io.itinera.enrichment.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The enrichments a replica rehearses before its listeners poll ({@code enrichment.warm-up.*}).
 *
 * @param trips how many trips to curated destinations it enriches without publishing them; 0 turns the rehearsal off
 */
@ConfigurationProperties("enrichment.warm-up")
@Validated
record WarmUpProperties(
        @DefaultValue("24") @Min(0) @Max(1000) int trips) {}
