package io.itinera.enrichment.weather;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Weather settings ({@code enrichment.weather.*}).
 *
 * @param forecastDays how many days ahead, today included, the live forecast is asked for (Open-Meteo: up to 16)
 */
@ConfigurationProperties("enrichment.weather")
@Validated
public record WeatherProperties(
        @DefaultValue("16") @Min(1) @Max(16) int forecastDays) {}
