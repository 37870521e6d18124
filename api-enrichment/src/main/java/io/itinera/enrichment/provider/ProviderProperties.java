package io.itinera.enrichment.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The live providers ({@code enrichment.providers.*}); every one is off unless switched on. */
@ConfigurationProperties("enrichment.providers")
@Validated
public record ProviderProperties(
        @Valid @NotNull ProviderSettings openMeteo,
        @Valid @NotNull ProviderSettings frankfurter,
        @Valid @NotNull ProviderSettings overpass) {}
