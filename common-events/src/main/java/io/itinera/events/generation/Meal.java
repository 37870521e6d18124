package io.itinera.events.generation;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A meal pause of a day's tour, during which no visit happens.
 *
 * @param kind {@code lunch} or {@code dinner}
 * @param start local start with the day's offset
 * @param end local end with the day's offset
 * @param poiId the food place where it is taken, when it is one of the day's stops
 * @param place the name of that place
 */
public record Meal(
        String kind,
        OffsetDateTime start,
        OffsetDateTime end,
        @Nullable String poiId,
        @Nullable String place) {

    public static final String LUNCH = "lunch";
    public static final String DINNER = "dinner";
}
