package io.itinera.harness.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.LeftOutPoi;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import io.itinera.generation.planning.Minutes;
import io.itinera.generation.planning.Scoring;
import io.itinera.generation.planning.VisitWindows;
import io.itinera.harness.mix.TripMix;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans a traveller would keep, over every curated city and trips of 1 to 5 days at moderate pace, with contexts built
 * by api-enrichment's own beans and the production planner: every plan is feasible; the city's top places and the
 * traveller's must-see come before lesser places (one left out is explained with its real reason: closed on every trip
 * day, no room for it on any day, or no room beside the other top places and must-sees, which asking for it as a
 * must-see confirms); no day is empty while an unplanned place plainly fits it. Random interests,
 * budgets, dates and must-sees from a fixed seed, so that a failure replays.
 */
class PlanQualityPropertyTests {

    private static final long SEED = 14;
    private static final LocalDate EARLIEST = LocalDate.of(2027, 1, 4);
    private static final Set<String> REAL_REASONS = Set.of(
            "closed on every day of the trip",
            "its opening hours leave no room",
            "it cannot be reached, visited and left in time on any day");
    private static final String CROWDED_OUT = "it does not fit in the opening hours together with your must-see places";
    /** An empty day is wrong if an unplanned place is open that day this much longer than its visit. */
    private static final int PLAIN_FIT_MARGIN_MINUTES = 120;

    private static EnrichmentContexts enrichment;
    private static GenerationProperties properties;

    @BeforeAll
    static void start() throws Exception {
        enrichment = new EnrichmentContexts();
        // Searches always run their steps: a busy machine must not cut one short and change a plan.
        properties = PlannerRun.generationProperties().withSearchTimeLimit(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        enrichment.close();
    }

    @Test
    void everyCuratedCityGetsItsTopPlacesFirstInAFeasiblePlan() {
        ItineraryPlanner planner = Planners.of(properties);
        FeasibilityCheck check = new FeasibilityCheck(properties);
        Random random = new Random(SEED);
        SoftAssertions softly = new SoftAssertions();
        int plans = 0;
        for (List<String> city : TripMix.CURATED) {
            for (int days = 1; days <= 5; days++) {
                TripRequest draft = request(city, days, random);
                PlanningContext context = enrichment.contextFor(draft);
                TripRequest request = withMustSee(draft, context, random);
                Itinerary itinerary = planner.plan(request, context, (day, number, total) -> {});
                String trip = "%s, %d days from %s, %s, must see %s"
                        .formatted(city.get(0), days, request.startDate(), request.interests(), request.mustSee());

                softly.assertThat(check.violations(itinerary, request, context))
                        .as("violations of %s", trip)
                        .isEmpty();
                checkTopPlacesFirst(softly, trip, request, context, itinerary, planner);
                checkNoNeedlesslyEmptyDay(softly, trip, request, context, itinerary);
                plans++;
            }
        }
        softly.assertAll();
        assertThat(plans).isEqualTo(TripMix.CURATED.size() * 5);
    }

    private static void checkTopPlacesFirst(
            SoftAssertions softly,
            String trip,
            TripRequest request,
            PlanningContext context,
            Itinerary itinerary,
            ItineraryPlanner planner) {
        Scoring scoring = new Scoring(properties.weights())
                .forTrip(context.pois(), context.days().size());
        Set<String> planned = planned(itinerary);
        Map<String, LeftOutPoi> leftOut = itinerary.leftOut() == null
                ? Map.of()
                : itinerary.leftOut().stream().collect(Collectors.toMap(LeftOutPoi::poiId, Function.identity()));
        List<PointOfInterest> first = context.pois().stream()
                .filter(poi -> poi.visitMinutes() > 0)
                .filter(poi -> scoring.isTop(poi) || scoring.isMustSee(poi, request))
                .toList();
        softly.assertThat(first).as("top places of %s", trip).isNotEmpty();
        for (PointOfInterest poi : first) {
            if (planned.contains(poi.id())) {
                continue;
            }
            LeftOutPoi why = leftOut.get(poi.id());
            softly.assertThat(why)
                    .as("%s (popularity %d) left out of %s without a word", poi.name(), poi.popularity(), trip)
                    .isNotNull();
            if (why == null) {
                continue;
            }
            if (why.reason().startsWith(CROWDED_OUT)) {
                // Only true if the place cannot join the plan's other top places and must-sees: asked for as a
                // must-see, it must cost one of them its place.
                Set<String> kept = first.stream()
                        .map(PointOfInterest::id)
                        .filter(planned::contains)
                        .collect(Collectors.toSet());
                Set<String> insisting =
                        planned(planner.plan(withMustSee(request, poi.id()), context, (day, number, total) -> {}));
                softly.assertThat(insisting.contains(poi.id()) && insisting.containsAll(kept))
                        .as(
                                "%s (popularity %d) left out of %s as crowded out, yet it fits with %s",
                                poi.name(), poi.popularity(), trip, kept)
                        .isFalse();
                continue;
            }
            softly.assertThat(REAL_REASONS.stream().anyMatch(why.reason()::startsWith))
                    .as(
                            "%s (popularity %d) left out of %s because %s",
                            poi.name(), poi.popularity(), trip, why.reason())
                    .isTrue();
            if (why.reason().startsWith("closed")) {
                softly.assertThat(openOn(poi, context.days()))
                        .as("%s is said to be closed on every day of %s", poi.name(), trip)
                        .isEmpty();
            }
        }
    }

    private static void checkNoNeedlesslyEmptyDay(
            SoftAssertions softly, String trip, TripRequest request, PlanningContext context, Itinerary itinerary) {
        Set<String> planned = planned(itinerary);
        for (int d = 0; d < itinerary.days().size(); d++) {
            ItineraryDay day = itinerary.days().get(d);
            if (!day.stops().isEmpty()) {
                continue;
            }
            TripDay tripDay = context.days().get(d);
            Optional<PointOfInterest> fits = context.pois().stream()
                    .filter(poi -> poi.visitMinutes() > 0 && !planned.contains(poi.id()))
                    .filter(poi -> plainlyFits(poi, tripDay, request.pace()))
                    .findFirst();
            softly.assertThat(fits.map(PointOfInterest::name))
                    .as("%s has nothing planned on %s, though this unplanned place plainly fits", trip, day.date())
                    .isEmpty();
        }
    }

    /**
     * Open that day (in daylight, if outdoors), inside the pace's hours, long enough for the visit with a wide margin for
     * travel and lunch.
     */
    private static boolean plainlyFits(PointOfInterest poi, TripDay day, Pace pace) {
        int dayStart = Minutes.ceil(pace.dayStart());
        int dayEnd = Minutes.of(pace.dayEnd());
        return VisitWindows.of(poi, day).stream()
                .anyMatch(window ->
                        Math.min(Minutes.of(window.close()), dayEnd) - Math.max(Minutes.ceil(window.open()), dayStart)
                                >= poi.visitMinutes() + PLAIN_FIT_MARGIN_MINUTES);
    }

    private static List<TimeWindow> openOn(PointOfInterest poi, List<TripDay> days) {
        Set<LocalDate> dates = days.stream().map(TripDay::date).collect(Collectors.toSet());
        return poi.openWindows().stream()
                .filter(windows -> dates.contains(windows.date()))
                .flatMap(windows -> windows.windows().stream())
                .toList();
    }

    private static Set<String> planned(Itinerary itinerary) {
        return itinerary.days().stream()
                .flatMap(day -> day.stops().stream())
                .map(Stop::poiId)
                .collect(Collectors.toSet());
    }

    private static TripRequest request(List<String> city, int days, Random random) {
        LocalDate start = EARLIEST.plusDays(random.nextInt(360));
        List<Interest> interests = new ArrayList<>(Arrays.asList(Interest.values()));
        Collections.shuffle(interests, random);
        return new TripRequest(
                city.get(1),
                city.get(0),
                start,
                start.plusDays(days - 1L),
                2,
                List.copyOf(interests.subList(0, 1 + random.nextInt(4))),
                Pace.MODERATE,
                Budget.values()[random.nextInt(Budget.values().length)],
                null,
                null,
                null,
                TravelMode.WALK);
    }

    /** Half the trips also name a must-see: a place of middling popularity, so that it is not a top place anyway. */
    private static TripRequest withMustSee(TripRequest draft, PlanningContext context, Random random) {
        List<PointOfInterest> middling = context.pois().stream()
                .filter(poi -> poi.visitMinutes() > 0 && poi.popularity() < 85)
                .toList();
        if (middling.isEmpty() || random.nextBoolean()) {
            return draft;
        }
        return withMustSee(draft, middling.get(random.nextInt(middling.size())).id());
    }

    private static TripRequest withMustSee(TripRequest draft, String poiId) {
        List<String> mustSee = new ArrayList<>(draft.mustSeeOrEmpty());
        mustSee.add(poiId);
        return new TripRequest(
                draft.destination(),
                draft.destinationId(),
                draft.startDate(),
                draft.endDate(),
                draft.travelers(),
                draft.interests(),
                draft.pace(),
                draft.budget(),
                List.copyOf(mustSee),
                draft.lodging(),
                draft.currency(),
                draft.mode());
    }
}
