package io.itinera.generation.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plans a replica rehearses before its listeners poll ({@code generation.warm-up.*}).
 *
 * @param trips how many made-up trips it plans without publishing them; 0 turns the rehearsal off
 */
@ConfigurationProperties("generation.warm-up")
@Validated
record WarmUpProperties(
        @DefaultValue("12") @Min(0) @Max(500) int trips) {}
