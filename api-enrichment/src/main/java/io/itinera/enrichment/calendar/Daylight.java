package io.itinera.enrichment.calendar;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * Local daylight times of one day; a time is absent when the sun does not cross that altitude that day (polar day or
 * night).
 *
 * @param civilDawn when the sun's centre climbs to 6° below the horizon
 * @param civilDusk when it sinks to 6° below the horizon
 */
public record Daylight(
        @Nullable LocalTime civilDawn,
        @Nullable LocalTime sunrise,
        @Nullable LocalTime sunset,
        @Nullable LocalTime civilDusk) {}
