package io.itinera.events.serde;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalTimeDeserializer;
import tools.jackson.databind.ext.javatime.ser.LocalDateSerializer;
import tools.jackson.databind.ext.javatime.ser.LocalTimeSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads {@code LocalDate} ({@code 2027-05-10}) and {@code LocalTime} ({@code 09:00:00}, {@code 09:00}) in the shapes
 * events are written in by hand, and writes them so: a planning context holds about a thousand of them (opening
 * windows per place and day), and Jackson's own readers and writers go through {@code DateTimeFormatter} or a
 * {@code StringBuilder} for each. Any other shape, value or setting goes to Jackson's own, so what is written,
 * accepted and refused does not change.
 */
final class IsoLocalTimes {

    private IsoLocalTimes() {}

    static SimpleModule module() {
        return new SimpleModule("itinera-iso-local-times")
                .addDeserializer(
                        LocalDate.class,
                        HandWrittenText.reader(LocalDate.class, IsoLocalTimes::date, LocalDateDeserializer.INSTANCE))
                .addDeserializer(
                        LocalTime.class,
                        HandWrittenText.reader(LocalTime.class, IsoLocalTimes::time, LocalTimeDeserializer.INSTANCE))
                .addSerializer(
                        LocalDate.class,
                        HandWrittenText.writer(LocalDate.class, IsoLocalTimes::format, LocalDateSerializer.INSTANCE))
                .addSerializer(
                        LocalTime.class,
                        HandWrittenText.writer(LocalTime.class, IsoLocalTimes::format, LocalTimeSerializer.INSTANCE));
    }

    /** {@code yyyy-MM-dd} as {@link LocalDate#toString()} writes it, or null for a year outside 0000-9999. */
    static @Nullable String format(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
        AsciiDigits.put(text, 0, year, 4);
        AsciiDigits.put(text, 5, date.getMonthValue(), 2);
        AsciiDigits.put(text, 8, date.getDayOfMonth(), 2);
        return new String(text);
    }

    /** {@code HH:mm:ss} as {@code ISO_LOCAL_TIME} writes a whole second, or null for a time with a fraction. */
    static @Nullable String format(LocalTime time) {
        if (time.getNano() != 0) {
            return null;
        }
        char[] text = {'0', '0', ':', '0', '0', ':', '0', '0'};
        AsciiDigits.put(text, 0, time.getHour(), 2);
        AsciiDigits.put(text, 3, time.getMinute(), 2);
        AsciiDigits.put(text, 6, time.getSecond(), 2);
        return new String(text);
    }

    /** {@code yyyy-MM-dd}, or null for anything else. */
    static @Nullable LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = AsciiDigits.read(text, 0, 4);
        int month = AsciiDigits.read(text, 5, 2);
        int day = AsciiDigits.read(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** {@code HH:mm} or {@code HH:mm:ss}, or null for anything else. */
    static @Nullable LocalTime time(String text) {
        int length = text.length();
        if ((length != 5 && length != 8) || text.charAt(2) != ':' || (length == 8 && text.charAt(5) != ':')) {
            return null;
        }
        int hour = AsciiDigits.read(text, 0, 2);
        int minute = AsciiDigits.read(text, 3, 2);
        int second = length == 8 ? AsciiDigits.read(text, 6, 2) : 0;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }
}
