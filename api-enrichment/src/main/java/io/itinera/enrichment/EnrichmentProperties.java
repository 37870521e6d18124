package io.itinera.enrichment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the enrichment worker ({@code enrichment.*}).
 *
 * @param catalogLocation where the catalog lives, a folder holding {@code destinations.json} and {@code pois/}
 * @param popularThreshold the popularity (0 to 100) from which a closed point of interest earns a warning
 * @param cachedDestinationDays how many destination-dates keep their daylight and opening windows worked out (3.4 KB
 *     each for a catalog city; see {@code DestinationDays})
 */
@ConfigurationProperties("enrichment")
@Validated
public record EnrichmentProperties(
        @DefaultValue("classpath:catalog/") @NotBlank String catalogLocation,
        @DefaultValue("80") @Min(0) @Max(100) int popularThreshold,
        @DefaultValue("4096") @Min(0) int cachedDestinationDays) {}
