package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.DateWithOffset;
import ch.poole.openinghoursparser.YearRange;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;

/**
 * A month or date selector: {@code Apr-Oct}, {@code Nov-Mar} (across the new year), {@code Dec 25}, {@code Dec 24-26},
 * {@code Dec 20-Jan 06}, {@code 2027 May 01-2027 Jun 30}, {@code Mar Su[-1]-Oct Su[-1]}, {@code easter +1 day},
 * {@code Aug 15+} (from that day to the end of the year), and ranges with an interval ({@code /2}).
 */
final class DateRangeSelector implements DaySelector {

    private final DateWithOffset start;
    private final @Nullable DateWithOffset end;
    private final int interval;

    DateRangeSelector(DateRange range, Refusals refusals) {
        this.start = range.getStartDate();
        this.end = range.getEndDate();
        this.interval = Math.max(range.getInterval(), 1);
        refusals.require(start.getWeekDayOffset() == null, "date offsets by weekday such as Dec 25 +Sa");
        refusals.require(end == null || end.getWeekDayOffset() == null, "date offsets by weekday such as Dec 25 +Sa");
    }

    @Override
    public boolean selects(LocalDate date, HoursContext context) {
        if (start.getYear() != YearRange.UNDEFINED_YEAR) {
            LocalDate from = resolve(start, start.getYear(), true);
            LocalDate to = end == null ? lastDayOf(from) : resolve(withDefaults(end), endYear(start.getYear()), false);
            return !date.isBefore(from) && beforeEnd(date, to) && onInterval(from, date);
        }
        // Within one calendar year, as the reference does: a range whose end comes before its start (Nov-Mar,
        // Dec 20-Jan 06) selects the year's start up to the end and the start up to the year's end.
        int year = date.getYear();
        LocalDate from = resolve(start, year, true);
        LocalDate to = end == null ? lastDayOf(from) : resolve(withDefaults(end), year, false);
        if (!to.isBefore(from)) {
            return !date.isBefore(from) && beforeEnd(date, to) && onInterval(from, date);
        }
        if (!date.isBefore(from)) {
            return onInterval(from, date);
        }
        return beforeEnd(date, to) && onInterval(resolve(start, year - 1, true), date);
    }

    /** A single date selects its day, a month alone its days, and an open end ({@code Aug 15+}) the rest of the year. */
    private LocalDate lastDayOf(LocalDate from) {
        if (start.isOpenEnded()) {
            return from.with(TemporalAdjusters.lastDayOfYear());
        }
        return resolve(start, from.getYear(), false);
    }

    private int endYear(int startYear) {
        return end != null && end.getYear() != YearRange.UNDEFINED_YEAR ? end.getYear() : startYear;
    }

    /** Ends are inclusive, except a movable feast's ({@code easter}), which the reference evaluator excludes. */
    private boolean beforeEnd(LocalDate date, LocalDate to) {
        boolean exclusive = end != null && end.getVarDate() != null;
        return exclusive ? date.isBefore(to) : !date.isAfter(to);
    }

    private boolean onInterval(LocalDate from, LocalDate date) {
        return interval == 1 || ChronoUnit.DAYS.between(from, date) % interval == 0;
    }

    /** An end like the {@code 26} of {@code Dec 24-26} takes the start's month. */
    private DateWithOffset withDefaults(DateWithOffset date) {
        if (date.getMonth() != null || date.getVarDate() != null) {
            return date;
        }
        DateWithOffset copy = new DateWithOffset(date);
        copy.setMonth(start.getMonth());
        return copy;
    }

    /** The date in a year; a month alone means its first day as a start and its last day as an end. */
    private static LocalDate resolve(DateWithOffset date, int year, boolean asStart) {
        LocalDate day;
        if (date.getVarDate() != null) {
            day = easter(year);
        } else {
            Month month = Month.of(date.getMonth().ordinal() + 1);
            LocalDate first = LocalDate.of(year, month, 1);
            if (date.getNthWeekDay() != null) {
                day = nthWeekday(first, date);
            } else if (date.getDay() != DateWithOffset.UNDEFINED_MONTH_DAY) {
                day = first.withDayOfMonth(Math.min(date.getDay(), first.lengthOfMonth()));
            } else {
                day = asStart ? first : first.with(TemporalAdjusters.lastDayOfMonth());
            }
        }
        return day.plusDays(date.getDayOffset());
    }

    private static LocalDate nthWeekday(LocalDate first, DateWithOffset date) {
        var weekday = CalendarSelectors.dayOfWeek(date.getNthWeekDay());
        int nth = date.getNth();
        return nth > 0
                ? first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday))
                : first.with(TemporalAdjusters.lastInMonth(weekday)).minusWeeks(-nth - 1L);
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian computus). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
