package io.itinera.harness.mix;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The deterministic trip mix: the twelve curated cities, 1 to 7 days starting within the next year, 1 to 4 interests,
 * every pace and budget, a quarter of the trips by public transport. The same seed and day give the same trips, so
 * that runs (and the planner-only mode) compare like with like.
 */
public final class TripMix {

    /** Catalog id and name of each curated city. */
    public static final List<List<String>> CURATED = List.of(
            List.of("lisbon", "Lisbon"),
            List.of("porto", "Porto"),
            List.of("paris", "Paris"),
            List.of("rome", "Rome"),
            List.of("barcelona", "Barcelona"),
            List.of("amsterdam", "Amsterdam"),
            List.of("london", "London"),
            List.of("berlin", "Berlin"),
            List.of("madrid", "Madrid"),
            List.of("vienna", "Vienna"),
            List.of("prague", "Prague"),
            List.of("new-york", "New York"));

    static final int MAX_DAYS = 7;
    static final int MAX_INTERESTS = 4;
    static final int HORIZON_DAYS = 365;

    private final Random random;
    private final LocalDate today;

    public TripMix(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public TripSpec next() {
        List<String> city = CURATED.get(random.nextInt(CURATED.size()));
        int days = 1 + random.nextInt(MAX_DAYS);
        LocalDate start = today.plusDays(1 + random.nextInt(HORIZON_DAYS - MAX_DAYS));
        List<Interest> interests = new ArrayList<>(Arrays.asList(Interest.values()));
        Collections.shuffle(interests, random);
        int interestCount = 1 + random.nextInt(MAX_INTERESTS);
        Pace pace = Pace.values()[random.nextInt(Pace.values().length)];
        Budget budget = Budget.values()[random.nextInt(Budget.values().length)];
        TravelMode mode = random.nextInt(4) == 0 ? TravelMode.TRANSIT : TravelMode.WALK;
        int travelers = 1 + random.nextInt(4);
        return new TripSpec(
                city.get(0),
                city.get(1),
                start,
                start.plusDays(days - 1L),
                travelers,
                List.copyOf(interests.subList(0, interestCount)),
                pace,
                budget,
                mode);
    }

    public List<TripSpec> take(int count) {
        List<TripSpec> trips = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trips.add(next());
        }
        return trips;
    }
}
