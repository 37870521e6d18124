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
        return new Daylight(
                time(date, place, zone, Twilight.CIVIL, true),
                time(date, place, zone, Twilight.VISUAL, true),
                time(date, place, zone, Twilight.VISUAL, false),
                time(date, place, zone, Twilight.CIVIL, false));
    }

    private static @Nullable LocalTime time(
            LocalDate date, GeoPoint place, ZoneId zone, Twilight twilight, boolean rise) {
        SunTimes times = SunTimes.compute()
                .timezone(zone)
                .on(date)
                .at(place.lat(), place.lon())
                .twilight(twilight)
                .execute();
        ZonedDateTime moment = rise ? times.getRise() : times.getSet();
        if (moment == null) {
            return null;
        }
        ZonedDateTime local = moment.withZoneSameInstant(zone);
        return local.toLocalDate().equals(date) ? local.toLocalTime().withNano(0) : null;
    }
}
