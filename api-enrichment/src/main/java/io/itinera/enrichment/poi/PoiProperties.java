package io.itinera.enrichment.poi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
 * @param overpassRefreshAfter how old a destination's cached live places may grow before the next trip there fetches
 *     them again (they are still served, stale, while the provider fails)
 * @param cacheStartupWait how long start-up waits for the shared places cache to be read, before listening anyway
 */
@ConfigurationProperties("enrichment.pois")
@Validated
public record PoiProperties(
        @Nullable String file,
        @DefaultValue("5000") @Min(500) @Max(30000) int overpassRadiusMetres,
        @DefaultValue("60") @Min(1) @Max(500) int overpassLimit,
        @DefaultValue("7d") @NotNull Duration overpassRefreshAfter,
        @DefaultValue("30s") @NotNull Duration cacheStartupWait) {}
