package io.itinera.events.generation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One planned day: a tour from the start point through the stops and back.
 *
 * @param start when the traveller leaves the start point (local time with the day's offset)
 * @param end when the traveller is back at the start point
 * @param legs the moves of the tour: start to the first stop, between stops, last stop back to the start
 * @param meals the meal pauses of the day, in order
 * @param explanation a short account of the day's plan a traveller can read
 */
public record ItineraryDay(
        LocalDate date,
        OffsetDateTime start,
        OffsetDateTime end,
        List<Stop> stops,
        List<Leg> legs,
        double score,
        String summary,
        @Nullable List<Meal> meals,
        @Nullable String explanation) {}
