package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Nth;
import ch.poole.openinghoursparser.WeekDay;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.WeekRange;
import ch.poole.openinghoursparser.YearRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/** Year, ISO week, weekday (with nth and offset) and public-holiday selectors of OpeningHoursParser's model. */
final class CalendarSelectors {

    private CalendarSelectors() {}

    static DaySelector year(YearRange range) {
        int start = range.getStartYear();
        int end = range.isOpenEnded()
                ? Integer.MAX_VALUE
                : range.getEndYear() == YearRange.UNDEFINED_YEAR ? start : range.getEndYear();
        int interval = Math.max(range.getInterval(), 1);
        return (date, context) -> inRange(date.getYear(), start, end, interval);
    }

    static DaySelector week(WeekRange range) {
        int start = range.getStartWeek();
        int end = range.getEndWeek() == WeekRange.UNDEFINED_WEEK ? start : range.getEndWeek();
        int interval = Math.max(range.getInterval(), 1);
        return (date, context) -> {
            int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            return start <= end ? inRange(week, start, end, interval) : week >= start || week <= end;
        };
    }

    /** {@code Mo-Fr}, {@code Fr-Mo} (wrapping the week), {@code Su[-1]}, {@code Sa[1,3]}, {@code Su[1] -1 day}. */
    static DaySelector weekdays(WeekDayRange range) {
        DayOfWeek first = dayOfWeek(range.getStartDay());
        DayOfWeek last = range.getEndDay() == null ? first : dayOfWeek(range.getEndDay());
        List<Nth> nths = range.getNths() == null ? List.of() : List.copyOf(range.getNths());
        int offset = range.getOffset();
        return (date, context) -> {
            LocalDate day = date.minusDays(offset);
            return between(day.getDayOfWeek(), first, last) && (nths.isEmpty() || nthMatches(day, nths));
        };
    }

    /** {@code PH} or {@code PH +1 day}: the day is (or follows) a public holiday at the place. */
    static DaySelector holiday(Holiday holiday) {
        int offset = holiday.getOffset();
        return (date, context) -> context.isPublicHoliday(date.minusDays(offset));
    }

    static DayOfWeek dayOfWeek(WeekDay day) {
        return DayOfWeek.of(day.ordinal() + 1);
    }

    private static boolean between(DayOfWeek day, DayOfWeek first, DayOfWeek last) {
        int value = day.getValue();
        return first.getValue() <= last.getValue()
                ? value >= first.getValue() && value <= last.getValue()
                : value >= first.getValue() || value <= last.getValue();
    }

    private static boolean nthMatches(LocalDate day, List<Nth> nths) {
        int fromStart = (day.getDayOfMonth() - 1) / 7 + 1;
        int fromEnd = -((day.lengthOfMonth() - day.getDayOfMonth()) / 7 + 1);
        for (Nth nth : nths) {
            int start = nth.getStartNth();
            int end = nth.getEndNth() == Nth.INVALID_NTH ? start : nth.getEndNth();
            int position = start < 0 ? fromEnd : fromStart;
            if (position >= Math.min(start, end) && position <= Math.max(start, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(int value, int start, int end, int interval) {
        return value >= start && value <= end && (value - start) % interval == 0;
    }
}
