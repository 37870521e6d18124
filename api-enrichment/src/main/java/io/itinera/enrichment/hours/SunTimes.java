package io.itinera.enrichment.hours;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A day's sun times at the place, in minutes after local midnight; a time is absent when the sun does not reach that
 * altitude that day (polar day or night), and the grammar's defaults stand in for it.
 */
public record SunTimes(
        @Nullable Integer dawn,
        @Nullable Integer sunrise,
        @Nullable Integer sunset,
        @Nullable Integer dusk) {

    /** The times the {@code opening_hours} specification assumes where it knows no place: 05:30, 06:00, 18:00, 18:30. */
    public static final SunTimes DEFAULTS = new SunTimes(5 * 60 + 30, 6 * 60, 18 * 60, 18 * 60 + 30);

    /** From local times, truncated to the minute as the reference evaluator does; {@code null} where absent. */
    public static SunTimes of(
            @Nullable LocalTime dawn,
            @Nullable LocalTime sunrise,
            @Nullable LocalTime sunset,
            @Nullable LocalTime dusk) {
        return new SunTimes(minutes(dawn), minutes(sunrise), minutes(sunset), minutes(dusk));
    }

    private static @Nullable Integer minutes(@Nullable LocalTime time) {
        return time == null ? null : time.getHour() * 60 + time.getMinute();
    }

    int minutesOf(SunEvent event) {
        Integer minutes = switch (event) {
            case DAWN -> dawn;
            case SUNRISE -> sunrise;
            case SUNSET -> sunset;
            case DUSK -> dusk;
        };
        return minutes != null ? minutes : DEFAULTS.minutesOf(event);
    }

    /** The variable times of the grammar. */
    enum SunEvent {
        DAWN,
        SUNRISE,
        SUNSET,
        DUSK
    }
}
