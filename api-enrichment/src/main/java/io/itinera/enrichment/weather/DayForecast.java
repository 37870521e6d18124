package io.itinera.enrichment.weather;

import org.jspecify.annotations.Nullable;

/** One day of an Open-Meteo daily forecast; a value is absent when the forecast has none for that day. */
record DayForecast(
        @Nullable Double minC,
        @Nullable Double maxC,
        @Nullable Double precipitationMm,
        @Nullable Integer precipitationChance,
        @Nullable Integer weatherCode) {}
