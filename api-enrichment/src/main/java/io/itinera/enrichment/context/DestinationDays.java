package io.itinera.enrichment.context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.itinera.enrichment.EnrichmentProperties;
import io.itinera.enrichment.calendar.Daylight;
import io.itinera.enrichment.calendar.DaylightCalculator;
import io.itinera.enrichment.calendar.PublicHolidays;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.hours.HoursContext;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.enrichment.hours.SunTimes;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.trip.GeoPoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What a date at a destination is for every trip that visits it: its daylight, and the opening windows each
 * opening-hours text gives that day. Worked out at the first trip that asks and kept for the next ones, up to
 * {@code enrichment.cached-destination-days} destination-dates (the least useful out first): every trip to a city on a
 * date asked the same again, and opening hours and daylight were half of this service's CPU per trip (issue 10;
 * docs/performance.md, session 21).
 *
 * <p>A day's opening hours see the destination's public holidays a week either side of it, whatever the trip's dates,
 * so that {@code PH +1 day} on a trip's first day knows the holiday the day before.
 */
@Component
public class DestinationDays {

    /** How far from a date its opening hours may look for a public holiday ({@code PH +1 day} looks one day back). */
    static final int HOLIDAY_REACH_DAYS = 7;

    private final PublicHolidays publicHolidays;
    private final DaylightCalculator daylight;
    private final Cache<Key, DestinationDay> days;

    public DestinationDays(
            PublicHolidays publicHolidays,
            DaylightCalculator daylight,
            EnrichmentProperties properties,
            MeterRegistry meters) {
        this.publicHolidays = publicHolidays;
        this.daylight = daylight;
        this.days = Caffeine.newBuilder()
                .maximumSize(properties.cachedDestinationDays())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, days, "enrichment.destination-days");
    }

    public DestinationDay on(CatalogDestination destination, LocalDate date) {
        Key key = new Key(destination.id(), destination.country(), destination.centre(), destination.timeZone(), date);
        return days.get(key, ignored -> dayAt(destination, date));
    }

    private DestinationDay dayAt(CatalogDestination destination, LocalDate date) {
        Daylight light = daylight.on(date, destination.centre(), destination.timeZone());
        Set<LocalDate> holidays = publicHolidays
                .between(destination, date.minusDays(HOLIDAY_REACH_DAYS), date.plusDays(HOLIDAY_REACH_DAYS))
                .dates();
        SunTimes sun = SunTimes.of(light.civilDawn(), light.sunrise(), light.sunset(), light.civilDusk());
        return new DestinationDay(
                date, light, HoursContext.of(holidays, day -> day.equals(date) ? sun : SunTimes.DEFAULTS));
    }

    /** Everything a destination-date's daylight and holidays depend on. */
    private record Key(String id, String country, GeoPoint centre, ZoneId zone, LocalDate date) {}

    /** One date at one destination. Safe for concurrent use: each opening-hours text is evaluated once. */
    public static final class DestinationDay {

        private final LocalDate date;
        private final Daylight daylight;
        private final HoursContext hours;
        private final Map<String, List<TimeWindow>> windows = new ConcurrentHashMap<>();

        DestinationDay(LocalDate date, Daylight daylight, HoursContext hours) {
            this.date = date;
            this.daylight = daylight;
            this.hours = hours;
        }

        public Daylight daylight() {
            return daylight;
        }

        /**
         * When places with these opening hours are open on this date. The same text always means the same hours, so it
         * is the key.
         */
        public List<TimeWindow> windows(OpeningHours openingHours) {
            return windows.computeIfAbsent(
                    openingHours.text(), text -> List.copyOf(openingHours.windowsOn(date, hours)));
        }
    }
}
