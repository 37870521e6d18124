package io.itinera.enrichment.hours;

import java.time.LocalDate;
import java.util.List;

/** Whether a rule's date part (year, date, week, weekday or holiday) selects a day. */
@FunctionalInterface
interface DaySelector {

    boolean selects(LocalDate date, HoursContext context);

    /** Selectors of one kind are alternatives: {@code Mo,We} selects Mondays and Wednesdays. */
    static DaySelector anyOf(List<DaySelector> alternatives) {
        List<DaySelector> all = List.copyOf(alternatives);
        return (date, context) -> {
            for (DaySelector selector : all) {
                if (selector.selects(date, context)) {
                    return true;
                }
            }
            return false;
        };
    }
}
