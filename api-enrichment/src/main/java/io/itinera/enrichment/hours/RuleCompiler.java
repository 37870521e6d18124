package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.DateRange;
import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.VariableTime;
import ch.poole.openinghoursparser.WeekDayRange;
import ch.poole.openinghoursparser.WeekRange;
import ch.poole.openinghoursparser.YearRange;
import io.itinera.enrichment.hours.SunTimes.SunEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns OpeningHoursParser's rules into {@link CompiledRule}s. Refused, because the evaluator has no data for them or
 * the grammar gives them no opening-hours meaning: school holidays ({@code SH}), points in time and repeating times
 * ({@code 10:00}, {@code 10:00-16:00/01:00}), and date offsets by weekday.
 */
final class RuleCompiler {

    private final Refusals refusals;

    RuleCompiler(String text) {
        this.refusals = new Refusals(text);
    }

    List<CompiledRule> compile(List<Rule> rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.isEmpty()) {
                continue; // what a trailing ; or , leaves
            }
            CompiledRule main = new CompiledRule(
                    selectors(rule), times(rule), state(rule), rule.isAdditive(), rule.isFallBack(), false);
            compiled.add(main);
            if (main.times().stream().anyMatch(TimeSpec::wraps)) {
                compiled.add(main.wrappedPart());
            }
        }
        return compiled;
    }

    private List<DaySelector> selectors(Rule rule) {
        List<DaySelector> selectors = new ArrayList<>();
        // The parser leaves a rule's absent parts null.
        List<YearRange> years = rule.getYears();
        if (years != null && !years.isEmpty()) {
            selectors.add(DaySelector.anyOf(
                    years.stream().map(CalendarSelectors::year).toList()));
        }
        List<DateRange> ranges = rule.getDates();
        if (ranges != null && !ranges.isEmpty()) {
            List<DaySelector> dates = new ArrayList<>();
            for (DateRange range : ranges) {
                dates.add(new DateRangeSelector(range, refusals));
            }
            selectors.add(DaySelector.anyOf(dates));
        }
        List<WeekRange> weeks = rule.getWeeks();
        if (weeks != null && !weeks.isEmpty()) {
            selectors.add(DaySelector.anyOf(weeks.stream()
                    .map((WeekRange week) -> CalendarSelectors.week(week))
                    .toList()));
        }
        List<DaySelector> weekdays = rule.getDays() == null
                ? List.of()
                : rule.getDays().stream()
                        .map((WeekDayRange days) -> CalendarSelectors.weekdays(days))
                        .toList();
        List<DaySelector> holidays = holidays(rule.getHolidays());
        boolean holidaysAreWeekdays =
                rule.getHolidays() != null && rule.getHolidays().stream().allMatch(Holiday::getUseAsWeekDay);
        if (!holidays.isEmpty() && (holidaysAreWeekdays || weekdays.isEmpty())) {
            List<DaySelector> either = new ArrayList<>(holidays); // PH,Su: a holiday or a Sunday
            either.addAll(weekdays);
            selectors.add(DaySelector.anyOf(either));
        } else {
            if (!holidays.isEmpty()) {
                selectors.add(DaySelector.anyOf(holidays)); // PH Su: a holiday that is a Sunday
            }
            if (!weekdays.isEmpty()) {
                selectors.add(DaySelector.anyOf(weekdays));
            }
        }
        return selectors;
    }

    private List<DaySelector> holidays(@Nullable List<Holiday> holidays) {
        if (holidays == null) {
            return List.of();
        }
        for (Holiday holiday : holidays) {
            refusals.require(
                    holiday.getType() == Holiday.Type.PH, "school holidays (SH), for which it has no calendar");
        }
        return holidays.stream().map(CalendarSelectors::holiday).toList();
    }

    private List<TimeSpec> times(Rule rule) {
        List<TimeSpan> spans = rule.getTimes();
        if (rule.isTwentyfourseven() || spans == null || spans.isEmpty()) {
            return List.of();
        }
        List<TimeSpec> specs = new ArrayList<>();
        for (TimeSpan time : spans) {
            refusals.require(time.getInterval() == 0, "repeating times such as 10:00-16:00/01:00");
            TimePoint start = point(time.getStart(), time.getStartEvent());
            boolean hasEnd = time.getEnd() != TimeSpan.UNDEFINED_TIME || time.getEndEvent() != null;
            refusals.require(hasEnd || time.isOpenEnded(), "points in time such as 10:00");
            if (!hasEnd) {
                specs.add(TimeSpec.openEnd(start, false));
                continue;
            }
            TimePoint end = point(time.getEnd(), time.getEndEvent());
            if (time.isOpenEnded()) { // 10:00-18:00+: an open end from 18:00, listed first as the reference does
                specs.add(TimeSpec.openEnd(end, end.byDefault() < start.byDefault()));
            }
            specs.add(TimeSpec.range(start, end));
        }
        return specs;
    }

    private static TimePoint point(int minutes, @Nullable VariableTime event) {
        return event == null
                ? TimePoint.fixed(minutes)
                : TimePoint.of(SunEvent.valueOf(event.getEvent().name()), event.getOffset());
    }

    /** {@code open} or nothing opens, {@code off}/{@code closed} closes, {@code unknown} or a bare comment is unknown. */
    private static HoursState state(Rule rule) {
        RuleModifier modifier = rule.getModifier();
        RuleModifier.@Nullable Modifier kind = modifier == null ? null : modifier.getModifier();
        if (kind == null) {
            boolean comment = rule.getComment() != null || (modifier != null && modifier.getComment() != null);
            return comment ? HoursState.UNKNOWN : HoursState.OPEN;
        }
        return switch (kind) {
            case OPEN -> HoursState.OPEN;
            case CLOSED, OFF -> HoursState.CLOSED;
            case UNKNOWN -> HoursState.UNKNOWN;
        };
    }
}
