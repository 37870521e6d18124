package io.itinera.enrichment.context;

import io.itinera.enrichment.EnrichmentProperties;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds the planning context of a trip: one day per date with the destination's UTC offset at local noon, every
 * candidate point of interest with its opening windows on the trip's dates, and a warning for each popular place that
 * is closed on a trip day.
 */
@Component
public class PlanningContextBuilder {

    private static final LocalTime NOON = LocalTime.NOON;
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    /** Without a holiday calendar {@code PH} rules never apply; a later change looks holidays up per country. */
    private static final Set<LocalDate> NO_HOLIDAY_CALENDAR_YET = Set.of();

    private final Clock clock;
    private final ClosureWarnings closureWarnings;

    public PlanningContextBuilder(Clock clock, EnrichmentProperties properties) {
        this.clock = clock;
        this.closureWarnings = new ClosureWarnings(properties.popularThreshold());
    }

    public PlanningContext build(TripRequest request, CatalogDestination destination, List<CatalogPoi> candidates) {
        List<LocalDate> dates =
                request.startDate().datesUntil(request.endDate().plusDays(1)).toList();
        Set<LocalDate> holidays = NO_HOLIDAY_CALENDAR_YET;
        List<PointOfInterest> pois = candidates.stream()
                .map(poi -> pointOfInterest(poi, dates, holidays))
                .toList();
        return new PlanningContext(
                destination.toDestination(),
                days(destination.timeZone(), dates),
                pois,
                closureWarnings.of(pois, dates),
                clock.instant());
    }

    private static List<TripDay> days(ZoneId zone, List<LocalDate> dates) {
        return dates.stream()
                .map(date -> new TripDay(
                        date, OFFSET.format(zone.getRules().getOffset(date.atTime(NOON))), null, null, null))
                .toList();
    }

    private static PointOfInterest pointOfInterest(CatalogPoi poi, List<LocalDate> dates, Set<LocalDate> holidays) {
        List<DayWindows> open = new ArrayList<>();
        for (LocalDate date : dates) {
            List<TimeWindow> windows = poi.openingHours().windowsOn(date, holidays);
            if (!windows.isEmpty()) {
                open.add(new DayWindows(date, windows));
            }
        }
        return new PointOfInterest(
                poi.id(),
                poi.name(),
                poi.category(),
                poi.location(),
                poi.visitMinutes(),
                poi.openingHours().text(),
                open,
                poi.indoor(),
                poi.priceLevel(),
                poi.popularity());
    }
}
