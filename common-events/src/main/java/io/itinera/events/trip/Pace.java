package io.itinera.events.trip;

import java.time.LocalTime;

/** How full the traveller wants each day: sets the day's window and the slack kept between stops. */
public enum Pace {
    RELAXED(LocalTime.of(10, 0), LocalTime.of(18, 0), 20),
    MODERATE(LocalTime.of(9, 0), LocalTime.of(19, 0), 10),
    PACKED(LocalTime.of(8, 30), LocalTime.of(21, 0), 5);

    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final int slackMinutes;

    Pace(LocalTime dayStart, LocalTime dayEnd, int slackMinutes) {
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.slackMinutes = slackMinutes;
    }

    public LocalTime dayStart() {
        return dayStart;
    }

    public LocalTime dayEnd() {
        return dayEnd;
    }

    /** Minutes of rest added after each stop. */
    public int slackMinutes() {
        return slackMinutes;
    }
}
