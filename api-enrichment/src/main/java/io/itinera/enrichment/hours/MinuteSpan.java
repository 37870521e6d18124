package io.itinera.enrichment.hours;

import io.itinera.events.enrichment.TimeWindow;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Minutes after a day's midnight, {@code end} exclusive; an end past 1440 runs into the next day, as in
 * {@code Fr 20:00-02:00}.
 */
record MinuteSpan(int start, int end) {

    static final int DAY = 24 * 60;
    static final MinuteSpan WHOLE_DAY = new MinuteSpan(0, DAY);

    /** The part of this span that falls on its own day. */
    Optional<MinuteSpan> sameDay() {
        return start < DAY ? Optional.of(new MinuteSpan(start, Math.min(end, DAY))) : Optional.empty();
    }

    /** The part of this span that runs past midnight, moved onto the next day. */
    Optional<MinuteSpan> nextDay() {
        return end > DAY ? Optional.of(new MinuteSpan(Math.max(start, DAY) - DAY, end - DAY)) : Optional.empty();
    }

    /** A local window; a close at midnight becomes 23:59 because a window cannot leave its day. */
    Optional<TimeWindow> toWindow() {
        LocalTime open = LocalTime.of(start / 60, start % 60);
        LocalTime close = end >= DAY ? LocalTime.of(23, 59) : LocalTime.of(end / 60, end % 60);
        return open.isBefore(close) ? Optional.of(new TimeWindow(open, close)) : Optional.empty();
    }

    /** Sorts spans and joins those that overlap or touch. */
    static List<MinuteSpan> merge(List<MinuteSpan> spans) {
        List<MinuteSpan> sorted = spans.stream()
                .sorted(Comparator.comparingInt(MinuteSpan::start))
                .toList();
        List<MinuteSpan> merged = new ArrayList<>();
        for (MinuteSpan span : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && span.start() <= merged.get(last).end()) {
                MinuteSpan previous = merged.get(last);
                merged.set(last, new MinuteSpan(previous.start(), Math.max(previous.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }
}
