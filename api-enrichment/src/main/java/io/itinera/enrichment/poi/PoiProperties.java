package io.itinera.enrichment.poi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Points-of-interest settings ({@code enrichment.pois.*}).
 *
 * @param file an operator's own points of interest, a {@code .csv} or {@code .geojson} resource such as {@code
 *     file:/etc/itinera/pois.csv}; added to the curated ones of the same destination
 * @param overpassRadiusMetres how far from a destination's centre the live Overpass provider looks
 * @param overpassLimit the most points of interest taken from one Overpass answer
 */
@ConfigurationProperties("enrichment.pois")
@Validated
public record PoiProperties(
        @Nullable String file,
        @DefaultValue("5000") @Min(500) @Max(30000) int overpassRadiusMetres,
        @DefaultValue("60") @Min(1) @Max(500) int overpassLimit) {}
