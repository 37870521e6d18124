package io.itinera.enrichment.hours;

import ch.poole.openinghoursparser.Holiday;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.RuleModifier;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDayRange;
import io.itinera.enrichment.hours.HoursRule.HolidayRole;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the parser's rules into {@link HoursRule}s, refusing what the evaluator cannot honour (dates, weeks, years, nth
 * weekdays, school holidays, sunrise and sunset, open ends, fallback rules, comments) rather than guessing.
 */
final class RuleTranslator {

    private final String text;

    RuleTranslator(String text) {
        this.text = text;
    }

    HoursRule translate(Rule rule) {
        require(!rule.isFallBack(), "fallback rules (||)");
        require(
                isEmpty(rule.getYears()) && isEmpty(rule.getWeeks()) && isEmpty(rule.getDates()),
                "year, week or date selectors");
        require(rule.getComment() == null, "comments");
        boolean closed = isClosed(rule.getModifier());
        require(!(closed && rule.isAdditive()), "closing an additional rule (, ... off)");
        List<MinuteSpan> spans = closed ? List.of() : spans(rule);
        return new HoursRule(weekdays(rule.getDays()), holidayRole(rule), spans, rule.isAdditive());
    }

    private Set<DayOfWeek> weekdays(@Nullable List<WeekDayRange> ranges) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (WeekDayRange range : ranges == null ? List.<WeekDayRange>of() : ranges) {
            require(isEmpty(range.getNths()) && range.getOffset() == 0, "nth weekdays such as Mo[1]");
            DayOfWeek day = DayOfWeek.of(range.getStartDay().ordinal() + 1);
            DayOfWeek last = range.getEndDay() == null
                    ? day
                    : DayOfWeek.of(range.getEndDay().ordinal() + 1);
            days.add(day);
            while (day != last) { // a range may wrap around the week, as in Fr-Mo
                day = day.plus(1);
                days.add(day);
            }
        }
        return days;
    }

    private HolidayRole holidayRole(Rule rule) {
        List<Holiday> holidays = rule.getHolidays();
        if (isEmpty(holidays)) {
            return HolidayRole.NONE;
        }
        for (Holiday holiday : holidays) {
            require(holiday.getType() == Holiday.Type.PH, "school holidays (SH)");
            require(holiday.getOffset() == 0, "holiday offsets such as PH +1 day");
        }
        boolean alternative = holidays.stream().allMatch(Holiday::getUseAsWeekDay);
        return alternative || isEmpty(rule.getDays()) ? HolidayRole.ALTERNATIVE : HolidayRole.REQUIRED;
    }

    private List<MinuteSpan> spans(Rule rule) {
        if (rule.isTwentyfourseven() || isEmpty(rule.getTimes())) {
            return List.of(MinuteSpan.WHOLE_DAY);
        }
        return rule.getTimes().stream().map(this::span).toList();
    }

    private MinuteSpan span(TimeSpan time) {
        require(time.getStartEvent() == null && time.getEndEvent() == null, "sunrise, sunset, dawn or dusk");
        require(!time.isOpenEnded(), "open ends such as 18:00+");
        require(time.getInterval() == 0, "intervals such as 10:00-18:00/01:00");
        require(time.getEnd() != TimeSpan.UNDEFINED_TIME, "single points in time");
        return new MinuteSpan(time.getStart(), time.getEnd());
    }

    private boolean isClosed(@Nullable RuleModifier modifier) {
        if (modifier == null) {
            return false;
        }
        require(modifier.getComment() == null, "comments");
        RuleModifier.Modifier kind = modifier.getModifier();
        require(kind != RuleModifier.Modifier.UNKNOWN, "the unknown state");
        return kind == RuleModifier.Modifier.OFF || kind == RuleModifier.Modifier.CLOSED;
    }

    private void require(boolean supported, String feature) {
        if (!supported) {
            throw new InvalidOpeningHoursException(
                    "opening hours '%s' use %s, which the evaluator does not support".formatted(text, feature));
        }
    }

    private static boolean isEmpty(@Nullable List<?> list) {
        return list == null || list.isEmpty();
    }
}
