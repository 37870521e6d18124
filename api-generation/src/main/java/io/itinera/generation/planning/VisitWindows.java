package io.itinera.generation.planning;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * When a place can be visited on a trip day: inside its opening windows that day, and an outdoor place only in daylight,
 * from sunrise to civil dusk (a park open around the clock is no visit at 17:00 in a London December). A day without
 * a sunrise or a dusk (polar days and nights) leaves that end open.
 */
public final class VisitWindows {

    private VisitWindows() {}

    /** The windows, earliest first. */
    public static List<TimeWindow> of(PointOfInterest poi, TripDay day) {
        List<TimeWindow> open = poi.openWindows().stream()
                .filter(windows -> windows.date().equals(day.date()))
                .map(DayWindows::windows)
                .flatMap(List::stream)
                .sorted(Comparator.comparing(TimeWindow::open))
                .toList();
        LocalTime sunrise = day.sunrise();
        LocalTime dusk = day.civilDusk();
        if (poi.indoor() || (sunrise == null && dusk == null)) {
            return open;
        }
        LocalTime from = sunrise == null ? LocalTime.MIN : sunrise;
        LocalTime to = dusk == null ? LocalTime.MAX : dusk;
        return open.stream()
                .map(window -> new TimeWindow(later(window.open(), from), earlier(window.close(), to)))
                .filter(window -> window.open().isBefore(window.close()))
                .toList();
    }

    /** Whether an outdoor place visited from {@code start} to {@code end} is visited in that day's daylight. */
    public static boolean inDaylight(LocalTime start, LocalTime end, TripDay day) {
        LocalTime sunrise = day.sunrise();
        LocalTime dusk = day.civilDusk();
        return (sunrise == null || !start.isBefore(sunrise)) && (dusk == null || !end.isAfter(dusk));
    }

    private static LocalTime later(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime earlier(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
