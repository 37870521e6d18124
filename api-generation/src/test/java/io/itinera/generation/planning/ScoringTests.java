package io.itinera.generation.planning;

import static io.itinera.generation.planning.Trips.CENTRE;
import static io.itinera.generation.planning.Trips.MONDAY;
import static io.itinera.generation.planning.Trips.poi;
import static io.itinera.generation.planning.Trips.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTests {

    private final Scoring scoring = new Scoring(Trips.DEFAULTS.weights());
    private final TripRequest artLover = request(Pace.MODERATE, List.of(Interest.ART));

    @Test
    void scoresPopularityOfAPlaceMatchingTheInterests() {
        assertThat(scoring.score(place("museum", Interest.ART, 2), artLover, 0)).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void weighsDownAPlaceOutsideTheInterests() {
        assertThat(scoring.score(place("park", Interest.NATURE, 2), artLover, 0))
                .isCloseTo(0.8 * 0.35, within(1e-9));
    }

    @Test
    void weighsDownAPlacePricierThanTheBudget() {
        // the medium budget allows price level 2
        assertThat(scoring.score(place("gallery", Interest.ART, 3), artLover, 0))
                .isCloseTo(0.8 * 0.6, within(1e-9));
    }

    @Test
    void givesDiminishingReturnsForEachEarlierStopOfTheSameCategory() {
        assertThat(scoring.score(place("museum", Interest.ART, 2), artLover, 2))
                .isCloseTo(0.8 * 0.6 * 0.6, within(1e-9));
    }

    @Test
    void addsALargeBonusForAMustSee() {
        TripRequest mustSeeMuseum = request(Pace.MODERATE, List.of(Interest.ART), null, List.of("museum"), null);

        assertThat(scoring.score(place("museum", Interest.ART, 2), mustSeeMuseum, 0))
                .isCloseTo(10.8, within(1e-9));
    }

    @Test
    void theCitysTopPlacesKeepTheirValueOutsideTheInterestsAndGetABonus() {
        PointOfInterest tower = poi("tower", Interest.VIEWPOINTS, CENTRE, 120, 100, Trips.on(MONDAY, "09:00-23:00"));
        PointOfInterest park = poi("park", Interest.NATURE, CENTRE, 60, 90, Trips.on(MONDAY, "09:00-17:00"));
        PointOfInterest cafe = poi("cafe", Interest.FOOD, CENTRE, 60, 60, Trips.on(MONDAY, "09:00-17:00"));
        PointOfInterest museum = place("museum", Interest.ART, 2);

        // two top places per day: on a one-day trip the tower and the park, whatever the traveller's interests
        Scoring oneDay = scoring.forTrip(List.of(cafe, museum, park, tower), 1);

        assertThat(List.of(tower, park, museum, cafe)).map(oneDay::isTop).containsExactly(true, true, false, false);
        assertThat(oneDay.score(tower, artLover, 0)).isCloseTo(1.0 + 1.5, within(1e-9));
        assertThat(oneDay.onDay(park, artLover, 0)).isCloseTo(0.9 + 1.5, within(1e-9));
        assertThat(oneDay.score(cafe, artLover, 0)).isCloseTo(0.6 * 0.35, within(1e-9));
        assertThat(scoring.forTrip(List.of(cafe, museum, park, tower), 2).isTop(museum))
                .isTrue();
        assertThat(scoring.isTop(tower)).as("no trip, no top places").isFalse();
    }

    private static PointOfInterest place(String id, Interest category, int priceLevel) {
        return poi(id, category, CENTRE, 60, 80, priceLevel, Trips.on(MONDAY, "09:00-17:00"));
    }
}
