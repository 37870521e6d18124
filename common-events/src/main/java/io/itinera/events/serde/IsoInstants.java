package io.itinera.events.serde;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes and reads {@code Instant}s in the one shape events carry them ({@code 2026-12-02T15:37:42.123Z}, as
 * {@link Instant#toString()}) by hand: every event and every state record of the saga carries several (its
 * {@code occurredAt}, a trip's history), and Jackson's own serializers go through {@code DateTimeFormatter} for each.
 * Any other shape, year or setting goes to Jackson's own, so what is written, accepted and refused does not change.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four digits and no sign. */
    private static final long FIRST_SECOND = -62_167_219_200L;

    private static final long END_SECOND = 253_402_300_800L;

    private IsoInstants() {}

    static SimpleModule module() {
        return new SimpleModule("itinera-iso-instants")
                .addSerializer(
                        Instant.class,
                        HandWrittenText.writer(Instant.class, IsoInstants::format, InstantSerializer.INSTANCE))
                .addDeserializer(
                        Instant.class,
                        HandWrittenText.reader(Instant.class, IsoInstants::parse, InstantDeserializer.INSTANT));
    }

    /** As {@link Instant#toString()} for the years 0000-9999, or null for any other year. */
    static @Nullable String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return null;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = instant.getNano();
        // Fractions in groups of three digits, as many as needed (DateTimeFormatter.ISO_INSTANT)
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fractionDigits == 0 ? 0 : 1 + fractionDigits)];
        AsciiDigits.put(text, 0, date.getYear(), 4);
        text[4] = '-';
        AsciiDigits.put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        AsciiDigits.put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        AsciiDigits.put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        AsciiDigits.put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        AsciiDigits.put(text, 17, secondOfDay % 60, 2);
        int at = 19;
        if (fractionDigits > 0) {
            text[at++] = '.';
            AsciiDigits.put(text, at, nanos / pow10(9 - fractionDigits), fractionDigits);
            at += fractionDigits;
        }
        text[at] = 'Z';
        return new String(text);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of 1-9 digits and {@code Z}, or null for anything else.
     */
    static @Nullable Instant parse(String text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = AsciiDigits.read(text, 0, 4);
        int month = AsciiDigits.read(text, 5, 2);
        int day = AsciiDigits.read(text, 8, 2);
        int hour = AsciiDigits.read(text, 11, 2);
        int minute = AsciiDigits.read(text, 14, 2);
        int second = AsciiDigits.read(text, 17, 2);
        if (year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1) {
                return null;
            }
            int fraction = AsciiDigits.read(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * pow10(9 - fractionDigits);
        } else if (length != 20) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
