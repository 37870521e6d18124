package io.itinera.enrichment.hours;

/** The state an opening-hours text gives a minute: a comment alone or an open end makes it unknown, not open. */
public enum HoursState {
    CLOSED,
    OPEN,
    UNKNOWN
}
