package io.itinera.gateway.saga;

import io.itinera.events.Event;
import io.itinera.events.StageProgress;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The bookkeeping every fold shares: a bounded, numbered history and the ids of the events already applied. */
final class Histories {

    static final int REMEMBERED_EVENT_IDS = 64;
    static final int MAX_HISTORY = 200;

    private Histories() {}

    static List<ProgressEntry> append(
            List<ProgressEntry> history, Event event, String stage, TripStatus status, StageProgress progress) {
        return append(history, event.occurredAt(), stage, status, progress);
    }

    /** A history line the saga writes itself (a deadline), not caused by an event. */
    static List<ProgressEntry> append(
            List<ProgressEntry> history, Instant at, String stage, TripStatus status, StageProgress progress) {
        List<ProgressEntry> longer = new ArrayList<>(history);
        long sequence = history.isEmpty() ? 1 : history.get(history.size() - 1).sequence() + 1;
        longer.add(new ProgressEntry(
                sequence, at, stage, status, progress.step(), progress.percent(), progress.message()));
        return List.copyOf(longer.subList(Math.max(0, longer.size() - MAX_HISTORY), longer.size()));
    }

    static List<String> remember(List<String> applied, Event event) {
        List<String> more = new ArrayList<>(applied);
        more.add(event.eventId().toString());
        return List.copyOf(more.subList(Math.max(0, more.size() - REMEMBERED_EVENT_IDS), more.size()));
    }

    static boolean applied(List<String> applied, Event event) {
        return applied.contains(event.eventId().toString());
    }
}
