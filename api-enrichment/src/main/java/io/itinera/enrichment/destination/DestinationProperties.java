package io.itinera.enrichment.destination;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the destination catalog and its search ({@code enrichment.destinations.*}).
 *
 * @param worldCities the gzipped TSV of GeoNames cities written by {@code WorldCitiesConverter}
 * @param defaultLimit how many matches a search returns when the request does not say
 * @param maxLimit the most matches a search may ask for
 */
@ConfigurationProperties("enrichment.destinations")
@Validated
public record DestinationProperties(
        @DefaultValue("classpath:destinations/world-cities.tsv.gz") @NotBlank
        String worldCities,

        @DefaultValue("10") @Min(1) @Max(100) int defaultLimit,
        @DefaultValue("50") @Min(1) @Max(500) int maxLimit) {}
