package io.itinera.enrichment.hours;

import io.itinera.enrichment.hours.SunTimes.SunEvent;
import org.jspecify.annotations.Nullable;

/** A time of day: fixed minutes after midnight, or a sun event moved by an offset, as in {@code (sunset-01:00)}. */
record TimePoint(int minutes, @Nullable SunEvent event) {

    static TimePoint fixed(int minutes) {
        return new TimePoint(minutes, null);
    }

    static TimePoint of(SunEvent event, int offsetMinutes) {
        return new TimePoint(offsetMinutes, event);
    }

    boolean variable() {
        return event != null;
    }

    /** Where the grammar places the time when it knows no place, which decides at parse time whether a span wraps. */
    int byDefault() {
        return resolve(SunTimes.DEFAULTS);
    }

    int resolve(SunTimes sun) {
        return event == null ? minutes : sun.minutesOf(event) + minutes;
    }
}
