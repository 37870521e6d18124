package io.itinera.generation.planning;

import static io.itinera.generation.planning.Trips.CENTRE;
import static io.itinera.generation.planning.Trips.near;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.generation.Leg;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.TravelMode;
import org.junit.jupiter.api.Test;

class TravelTimesTests {

    private final TravelTimes travel = new TravelTimes(Trips.DEFAULTS.travel());

    @Test
    void walksTheStraightLineDistanceTimesTheDetourFactorAtFourAndAHalfKmh() {
        // given about 1 km as the crow flies
        GeoPoint to = near(1000, 0);
        int metres = (int) Math.round(CENTRE.metresTo(to) * 1.3);

        // when
        Leg leg = travel.leg(Leg.START, CENTRE, "x", to, TravelMode.WALK);

        // then 1300 m at 75 m per minute is 17.3 minutes, rounded up
        assertThat(leg).isEqualTo(new Leg(Leg.START, "x", TravelMode.WALK, metres, 18));
        assertThat(metres).isBetween(1299, 1301);
    }

    @Test
    void walksShortHopsEvenWhenTheTravellerChoseTransit() {
        // given 700 m as the crow flies: 910 m on the street
        Leg leg = travel.leg("a", CENTRE, "b", near(700, 0), TravelMode.TRANSIT);

        assertThat(leg.mode()).isEqualTo(TravelMode.WALK);
        assertThat(leg.minutes()).isEqualTo((int) Math.ceil(leg.metres() / 75.0));
    }

    @Test
    void ridesTransitWithEightMinutesOfWaitingAtEighteenKmh() {
        // given 3 km as the crow flies: 3.9 km on the street
        Leg leg = travel.leg("a", CENTRE, "b", near(3000, 0), TravelMode.TRANSIT);

        // then 8 minutes of waiting plus 3900 m at 300 m per minute
        assertThat(leg.mode()).isEqualTo(TravelMode.TRANSIT);
        assertThat(leg.minutes()).isEqualTo(8 + (int) Math.ceil(leg.metres() / 300.0));
        assertThat(leg.minutes()).isBetween(21, 22);
    }

    @Test
    void takesNoTimeToStayInPlace() {
        Leg leg = travel.leg("a", CENTRE, "b", CENTRE, TravelMode.TRANSIT);

        assertThat(leg).isEqualTo(new Leg("a", "b", TravelMode.WALK, 0, 0));
    }
}
