package io.itinera.enrichment.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One rule of an opening-hours text, reduced to what the evaluator needs.
 *
 * @param weekdays the weekdays the rule selects; empty when it selects no weekday
 * @param holidays how public holidays take part in selecting days
 * @param spans the open spans on a selected day; empty when the rule closes the day
 * @param additive whether the rule adds to the earlier rules of the day ({@code ,}) instead of replacing them ({@code ;})
 */
record HoursRule(Set<DayOfWeek> weekdays, HolidayRole holidays, List<MinuteSpan> spans, boolean additive) {

    /** How a rule's {@code PH} selector combines with its weekday selector. */
    enum HolidayRole {
        /** No {@code PH}: the weekdays select, or every day when there are none. */
        NONE,
        /** {@code PH,Su} or {@code PH} alone: a holiday or one of the weekdays. */
        ALTERNATIVE,
        /** {@code PH Su}: a holiday that also falls on one of the weekdays. */
        REQUIRED
    }

    HoursRule {
        weekdays = Set.copyOf(weekdays);
        spans = List.copyOf(spans);
    }

    boolean selects(LocalDate date, boolean publicHoliday) {
        boolean weekday = weekdays.contains(date.getDayOfWeek());
        return switch (holidays) {
            case NONE -> weekdays.isEmpty() || weekday;
            case ALTERNATIVE -> publicHoliday || weekday;
            case REQUIRED -> publicHoliday && (weekdays.isEmpty() || weekday);
        };
    }
}
