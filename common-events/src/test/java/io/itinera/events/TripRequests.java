package io.itinera.events;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Trip requests for tests, as the gateway sends them: Lisbon from Monday 10 to Wednesday 12 May 2027, two travellers
 * interested in history, moderate pace, medium budget, nothing optional. A test changes only what it is about;
 * shared with the services' tests through this module's test-jar.
 */
public final class TripRequests {

    public static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);

    private TripRequests() {}

    public static Builder lisbon() {
        return to("Lisbon");
    }

    public static Builder to(String destination) {
        return new Builder(destination);
    }

    public static final class Builder {

        private final String destination;
        private @Nullable String destinationId;
        private LocalDate startDate = MONDAY;
        private LocalDate endDate = MONDAY.plusDays(2);
        private int travelers = 2;
        private List<Interest> interests = List.of(Interest.HISTORY);
        private Pace pace = Pace.MODERATE;
        private Budget budget = Budget.MEDIUM;
        private @Nullable List<String> mustSee;
        private @Nullable GeoPoint lodging;
        private @Nullable String currency;
        private @Nullable TravelMode mode;

        private Builder(String destination) {
            this.destination = destination;
        }

        public Builder destinationId(@Nullable String destinationId) {
            this.destinationId = destinationId;
            return this;
        }

        public Builder dates(LocalDate startDate, LocalDate endDate) {
            this.startDate = startDate;
            this.endDate = endDate;
            return this;
        }

        public Builder travelers(int travelers) {
            this.travelers = travelers;
            return this;
        }

        public Builder interests(Interest... interests) {
            return interests(List.of(interests));
        }

        public Builder interests(List<Interest> interests) {
            this.interests = interests;
            return this;
        }

        public Builder pace(Pace pace) {
            this.pace = pace;
            return this;
        }

        public Builder budget(Budget budget) {
            this.budget = budget;
            return this;
        }

        public Builder mustSee(@Nullable List<String> mustSee) {
            this.mustSee = mustSee;
            return this;
        }

        public Builder lodging(@Nullable GeoPoint lodging) {
            this.lodging = lodging;
            return this;
        }

        public Builder currency(@Nullable String currency) {
            this.currency = currency;
            return this;
        }

        public Builder mode(@Nullable TravelMode mode) {
            this.mode = mode;
            return this;
        }

        public TripRequest build() {
            return new TripRequest(
                    destination,
                    destinationId,
                    startDate,
                    endDate,
                    travelers,
                    interests,
                    pace,
                    budget,
                    mustSee,
                    lodging,
                    currency,
                    mode);
        }
    }
}
