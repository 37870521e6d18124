package io.itinera.events.enrichment;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * One day of the trip at the destination.
 *
 * @param utcOffset the destination's offset from UTC at noon that day, e.g. {@code +01:00}
 * @param sunrise local sunrise, when known
 * @param sunset local sunset, when known
 * @param holiday the name of a public holiday on that day, if any
 * @param civilDawn local start of civil twilight (sun 6° below the horizon), when the sun rises that day
 * @param civilDusk local end of civil twilight, when the sun sets that day
 * @param weather the weather to expect, with its source
 */
public record TripDay(
        LocalDate date,
        String utcOffset,
        @Nullable LocalTime sunrise,
        @Nullable LocalTime sunset,
        @Nullable String holiday,
        @Nullable LocalTime civilDawn,
        @Nullable LocalTime civilDusk,
        @Nullable DayWeather weather) {}
