package io.itinera.generation.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times of day as whole minutes since midnight, the unit the planner schedules in. */
final class Minutes {

    private Minutes() {}

    /** The minute of a time, dropping seconds. */
    static int of(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** The first whole minute at or after a time. */
    static int ceil(LocalTime time) {
        int minute = of(time);
        return time.getSecond() > 0 || time.getNano() > 0 ? minute + 1 : minute;
    }

    static LocalTime toTime(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    static OffsetDateTime at(LocalDate date, int minute, ZoneOffset offset) {
        return OffsetDateTime.of(date, toTime(minute), offset);
    }

    /** {@code HH:mm}. */
    static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
