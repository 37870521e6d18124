package io.itinera.enrichment.hours;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

/** What evaluating opening hours needs to know about the place: its public holidays and each day's sun times. */
public interface HoursContext {

    boolean isPublicHoliday(LocalDate date);

    SunTimes sunTimes(LocalDate date);

    /** Holidays only; variable times fall back to the grammar's defaults. */
    static HoursContext of(Set<LocalDate> publicHolidays) {
        return of(publicHolidays, date -> SunTimes.DEFAULTS);
    }

    static HoursContext of(Set<LocalDate> publicHolidays, Function<LocalDate, SunTimes> sunTimes) {
        Set<LocalDate> holidays = Set.copyOf(publicHolidays);
        return new HoursContext() {
            @Override
            public boolean isPublicHoliday(LocalDate date) {
                return holidays.contains(date);
            }

            @Override
            public SunTimes sunTimes(LocalDate date) {
                return sunTimes.apply(date);
            }
        };
    }
}
