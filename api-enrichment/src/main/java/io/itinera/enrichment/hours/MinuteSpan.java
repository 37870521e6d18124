package io.itinera.enrichment.hours;

import io.itinera.events.enrichment.TimeWindow;
import java.time.LocalTime;
import java.util.Optional;

/** Minutes after a day's midnight, {@code end} exclusive. */
record MinuteSpan(int start, int end) {

    static final int DAY = 24 * 60;

    /** A local window; a close at midnight becomes 23:59 because a window cannot leave its day. */
    Optional<TimeWindow> toWindow() {
        LocalTime open = LocalTime.of(start / 60, start % 60);
        LocalTime close = end >= DAY ? LocalTime.of(23, 59) : LocalTime.of(end / 60, end % 60);
        return open.isBefore(close) ? Optional.of(new TimeWindow(open, close)) : Optional.empty();
    }
}
