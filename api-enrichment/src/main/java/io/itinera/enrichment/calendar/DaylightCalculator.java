package io.itinera.enrichment.calendar;

import io.itinera.events.trip.GeoPoint;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.shredzone.commons.suncalc.SunTimes;
import org.shredzone.commons.suncalc.SunTimes.Twilight;
import org.springframework.stereotype.Component;

/**
 * Sunrise, sunset and civil twilight with commons-suncalc: sunrise and sunset when the sun's upper limb touches the
 * horizon, with standard refraction, as almanacs and NOAA's calculator give them.
 */
@Component
public class DaylightCalculator {

    public static final String SOURCE = "commons-suncalc";

    public Daylight on(LocalDate date, GeoPoint place, ZoneId zone) {
        // One search per twilight gives both its rise and its set (issue 10: suncalc was a fifth of this service's CPU)
        SunTimes civil = times(date, place, zone, Twilight.CIVIL);
        SunTimes visual = times(date, place, zone, Twilight.VISUAL);
        return new Daylight(
                onThatDay(civil.getRise(), date, zone),
                onThatDay(visual.getRise(), date, zone),
                onThatDay(visual.getSet(), date, zone),
                onThatDay(civil.getSet(), date, zone));
    }

    private static SunTimes times(LocalDate date, GeoPoint place, ZoneId zone, Twilight twilight) {
        return SunTimes.compute()
                .timezone(zone)
                .on(date)
                .at(place.lat(), place.lon())
                .twilight(twilight)
                .execute();
    }

    private static @Nullable LocalTime onThatDay(@Nullable ZonedDateTime moment, LocalDate date, ZoneId zone) {
        if (moment == null) {
            return null;
        }
        ZonedDateTime local = moment.withZoneSameInstant(zone);
        return local.toLocalDate().equals(date) ? local.toLocalTime().withNano(0) : null;
    }
}
