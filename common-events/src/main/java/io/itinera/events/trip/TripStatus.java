package io.itinera.events.trip;

/** The lifecycle of a trip as the gateway's saga sees it. */
public enum TripStatus {
    PENDING,
    ENRICHING,
    GENERATING,
    READY,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == READY || this == FAILED || this == CANCELLED;
    }
}
