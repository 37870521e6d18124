package io.itinera.events.trip;

import java.util.List;

/** Something a client follows to its end: trips and proposals, each with an owner, a status and a history. */
public interface Followable {

    String clientId();

    TripStatus status();

    /** Status changes and progress reports, oldest first, numbered from 1. */
    List<ProgressEntry> history();
}
