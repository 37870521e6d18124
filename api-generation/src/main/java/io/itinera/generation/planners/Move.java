package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.Leg;
import io.itinera.generation.planning.MealPause;
import org.jspecify.annotations.Nullable;

/**
 * One feasible way to make a point of interest the next stop of a day's tour, in minutes since midnight.
 *
 * @param leaveAt when the traveller sets off towards the stop (after a lunch pause, if one comes first)
 * @param visitStart arrival at the stop, after any wait for it to open
 * @param visitEnd departure from the stop
 * @param waitMinutes idle time this move adds, counted against it when choosing
 * @param lunch the lunch pause this move places, if any
 */
record Move(
        PointOfInterest poi,
        LunchOption option,
        Leg leg,
        int leaveAt,
        int visitStart,
        int visitEnd,
        int waitMinutes,
        @Nullable MealPause lunch) {

    /** Where the lunch pause goes relative to the stop; declared in order of preference between equal moves. */
    enum LunchOption {
        /** A food stop whose visit is the lunch pause. */
        AT_STOP,
        /** No lunch now: it is taken later, or the tour ends before it is due. */
        NONE,
        /** Lunch where the traveller is, then on to the stop. */
        BEFORE
    }

    /** The minutes this move costs: travel, waiting and the visit itself (a lunch pause is not counted). */
    int costMinutes() {
        return leg.minutes() + waitMinutes + poi.visitMinutes();
    }
}
