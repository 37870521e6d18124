package io.itinera.events.enrichment;

import java.time.LocalTime;

/** A local time interval within one day; {@code close} is exclusive and at most 23:59. */
public record TimeWindow(LocalTime open, LocalTime close) {

    public boolean contains(LocalTime from, LocalTime to) {
        return !from.isBefore(open) && !to.isAfter(close);
    }
}
