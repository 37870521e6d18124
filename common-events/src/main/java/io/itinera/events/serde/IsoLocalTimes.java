package io.itinera.events.serde;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads {@code LocalDate} ({@code 2027-05-10}) and {@code LocalTime} ({@code 09:00:00}, {@code 09:00}) in the shapes
 * events are written in by hand: a planning context holds about a thousand of them (opening windows per place and
 * day), and Jackson's own readers go through {@code DateTimeFormatter} for each. Any other shape, and any invalid
 * value, goes to Jackson's reader, so what is accepted and what is refused does not change.
 */
final class IsoLocalTimes {

    private IsoLocalTimes() {}

    static SimpleModule module() {
        return new SimpleModule("itinera-iso-local-times")
                .addDeserializer(LocalDate.class, new Dates())
                .addDeserializer(LocalTime.class, new Times());
    }

    /** {@code yyyy-MM-dd}, or null for anything else. */
    static @Nullable LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
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
        int hour = digits(text, 0, 2);
        int minute = digits(text, 3, 2);
        int second = length == 8 ? digits(text, 6, 2) : 0;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    /** The decimal number of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Dates extends StdScalarDeserializer<LocalDate> {

        private final ValueDeserializer<?> jacksons = LocalDateDeserializer.INSTANCE;

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate date = date(parser.getString());
                if (date != null) {
                    return date;
                }
            }
            return (LocalDate) jacksons.deserialize(parser, context);
        }
    }

    private static final class Times extends StdScalarDeserializer<LocalTime> {

        private final ValueDeserializer<?> jacksons = LocalTimeDeserializer.INSTANCE;

        Times() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalTime time = time(parser.getString());
                if (time != null) {
                    return time;
                }
            }
            return (LocalTime) jacksons.deserialize(parser, context);
        }
    }
}
