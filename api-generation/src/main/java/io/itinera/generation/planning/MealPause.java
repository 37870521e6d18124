package io.itinera.generation.planning;

import io.itinera.events.generation.Meal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A day's lunch pause, in minutes since midnight. It appears in the day summary as {@code Lunch 12:45–13:45}, followed
 * by {@code at <name>} when a food stop serves as lunch.
 *
 * @param place the name of the food stop that serves as lunch, or {@code null} for a pause between stops
 * @param poiId the id of that food stop
 * @param kind {@code lunch} or {@code dinner}
 */
public record MealPause(
        int start,
        int end,
        @Nullable String place,
        @Nullable String poiId,
        String kind) {

    public MealPause(int start, int end, @Nullable String place) {
        this(start, end, place, null, Meal.LUNCH);
    }

    public MealPause(int start, int end, @Nullable String place, @Nullable String poiId) {
        this(start, end, place, poiId, Meal.LUNCH);
    }

    private static final Pattern TEXT = Pattern.compile("Lunch (\\d{2}):(\\d{2})–(\\d{2}):(\\d{2})");

    public String describe() {
        String text = "Lunch " + Minutes.format(start) + "–" + Minutes.format(end);
        return place == null ? text : text + " at " + place;
    }

    /** Reads the pause back from a day summary. */
    public static Optional<MealPause> in(String summary) {
        Matcher m = TEXT.matcher(summary);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        return Optional.of(new MealPause(start, end, null));
    }
}
