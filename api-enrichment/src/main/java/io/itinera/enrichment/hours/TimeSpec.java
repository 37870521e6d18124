package io.itinera.enrichment.hours;

/**
 * One time span of a rule, as the reference evaluator (opening_hours.js) reads it: whether it wraps past midnight is
 * decided once with the grammar's default sun times; on a given day the sun events are resolved with that day's times.
 * An open end ({@code 18:00+}) lasts until midnight, or ten hours from 17:00, or eight hours from 22:00, and is unknown
 * rather than open.
 *
 * @param start the first minute
 * @param end the end (exclusive); fixed minutes past 1440 run into the next day
 * @param openEnd whether the span is an open end
 * @param extended whether the span is the open end after a span that already wrapped ({@code 22:00-02:00+}), so it
 *     starts on the next day
 */
record TimeSpec(TimePoint start, TimePoint end, boolean openEnd, boolean extended) {

    static final int DAY = 24 * 60;

    static TimeSpec range(TimePoint start, TimePoint end) {
        int from = start.byDefault();
        int to = end.byDefault();
        boolean bothFixed = !start.variable() && !end.variable();
        if (to < from || (bothFixed && to == from)) {
            to += DAY;
        }
        return new TimeSpec(start, end.variable() ? end : TimePoint.fixed(to), false, false);
    }

    static TimeSpec openEnd(TimePoint start, boolean extended) {
        int from = start.byDefault() + (extended ? DAY : 0);
        int to = from >= 22 * 60 ? from + 8 * 60 : from >= 17 * 60 ? from + 10 * 60 : DAY;
        return new TimeSpec(start, TimePoint.fixed(to), true, extended);
    }

    /** Whether part of the span falls on the next day. */
    boolean wraps() {
        int from = start.byDefault() + (extended ? DAY : 0);
        int to = end.byDefault();
        return end.variable() ? to < from : to > DAY;
    }

    /** The part on the day the rule selects, as {@code [from, to)} clipped to the day; empty when from >= to. */
    int[] onItsDay(SunTimes sun) {
        int from = start.resolve(sun) + (extended ? DAY : 0);
        int to = end.resolve(sun);
        if (end.variable() && to <= from) {
            to += DAY;
        }
        return new int[] {Math.max(from, 0), Math.min(to, DAY)};
    }

    /** The part on the day after the rule's day, with that day's sun times; empty when from >= to. */
    int[] onNextDay(SunTimes sun) {
        int to = end.variable() ? end.resolve(sun) : end.minutes() - DAY;
        if (start.variable() || end.variable()) {
            int from = start.resolve(sun);
            if (to > from) {
                return new int[] {0, 0};
            }
        }
        return new int[] {0, Math.max(to, 0)};
    }
}
