package io.itinera.generation.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times of day as whole minutes since midnight, the unit the planner schedules in. */
public final class Minutes {

    private Minutes() {}

    /** The minute of a time, dropping seconds. */
    public static int of(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** The first whole minute at or after a time. */
    public static int ceil(LocalTime time) {
        int minute = of(time);
        return time.getSecond() > 0 || time.getNano() > 0 ? minute + 1 : minute;
    }

    public static LocalTime toTime(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    public static OffsetDateTime at(LocalDate date, int minute, ZoneOffset offset) {
        return OffsetDateTime.of(date, toTime(minute), offset);
    }

    /** {@code HH:mm}. */
    public static String format(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
