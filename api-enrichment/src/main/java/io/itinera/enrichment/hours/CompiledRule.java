package io.itinera.enrichment.hours;

import java.time.LocalDate;
import java.util.List;

/**
 * One rule ready to evaluate, as the reference evaluator splits them: the part on the days the rule selects, and, when
 * a time span runs past midnight, a second {@code wrapped} rule for the day after each selected day.
 *
 * @param selectors conjunction of the rule's selector kinds (year, date, week, weekday or holiday); empty selects every
 *     day
 * @param times the spans; empty means the whole day
 * @param additional whether the rule followed a {@code ,} and so adds to the day instead of replacing it
 * @param fallback whether the rule followed {@code ||} and so applies only where nothing else is open or unknown
 */
record CompiledRule(
        List<DaySelector> selectors,
        List<TimeSpec> times,
        HoursState state,
        boolean additional,
        boolean fallback,
        boolean wrapped) {

    CompiledRule {
        selectors = List.copyOf(selectors);
        times = List.copyOf(times);
    }

    boolean hasDateSelectors() {
        return !selectors.isEmpty();
    }

    /** Whether the rule applies on a day; the wrapped part applies on the day after one its selectors select. */
    boolean appliesOn(LocalDate date, HoursContext context) {
        LocalDate selected = wrapped ? date.minusDays(1) : date;
        for (DaySelector selector : selectors) {
            if (!selector.selects(selected, context)) {
                return false;
            }
        }
        return true;
    }

    /** The part of the next day that the spans running past midnight cover, or nothing when none does. */
    CompiledRule wrappedPart() {
        return new CompiledRule(
                selectors, times.stream().filter(TimeSpec::wraps).toList(), state, false, false, true);
    }
}
