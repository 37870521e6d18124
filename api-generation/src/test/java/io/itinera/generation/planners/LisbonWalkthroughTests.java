package io.itinera.generation.planners;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.LeftOutPoi;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.bench.PlanValue;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planning.GenerationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The README's Lisbon trip planned by the greedy baseline and by the search, on the real catalog: both feasible, the
 * search's plan worth clearly more by the same yardstick. Writes both plans to {@code target/lisbon-walkthrough.md}
 * (the comparison in {@code docs/performance.md} comes from there).
 */
class LisbonWalkthroughTests {

    private final GenerationProperties properties = GenerationProperties.defaults();
    private final FeasibilityCheck check = new FeasibilityCheck(properties);
    private final PlanValue value = new PlanValue(properties);

    @Test
    void theSearchPlansAVisiblyBetterLisbonTripThanTheGreedyPlanner() throws Exception {
        TripRequest request = LisbonCatalogTrip.request();
        PlanningContext context = LisbonCatalogTrip.context();

        Itinerary greedy = Planners.greedy(properties).plan(request, context, (day, number, total) -> {});
        Itinerary search = Planners.search(properties).plan(request, context, (day, number, total) -> {});

        assertThat(check.violations(greedy, request, context)).isEmpty();
        assertThat(check.violations(search, request, context)).isEmpty();
        double greedyValue = value.of(greedy, request, context);
        double searchValue = value.of(search, request, context);
        Files.writeString(
                Path.of("target/lisbon-walkthrough.md"),
                render("Greedy", greedy, greedyValue) + "\n" + render("Search", search, searchValue));
        assertThat(searchValue).isGreaterThan(greedyValue * 1.05);
    }

    private static String render(String title, Itinerary itinerary, double value) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "### %s planner: value %.2f, %d stops%n%n",
                title,
                value,
                itinerary.days().stream().mapToInt(d -> d.stops().size()).sum()));
        for (ItineraryDay day : itinerary.days()) {
            text.append("**")
                    .append(day.date())
                    .append("** ")
                    .append(day.start().toLocalTime())
                    .append("–")
                    .append(day.end().toLocalTime())
                    .append(": ");
            for (Stop stop : day.stops()) {
                text.append(stop.arrival().toLocalTime())
                        .append(' ')
                        .append(stop.name())
                        .append(" (")
                        .append(stop.category().wireName())
                        .append("); ");
            }
            text.append(day.summary()).append("\n");
            if (day.explanation() != null && !day.explanation().equals(day.summary())) {
                text.append("> ").append(day.explanation()).append("\n");
            }
            text.append("\n");
        }
        if (itinerary.leftOut() != null) {
            text.append("Left out: ");
            for (LeftOutPoi left : itinerary.leftOut()) {
                text.append(left.name()).append(" (").append(left.reason()).append("); ");
            }
            text.append("\n");
        }
        return text.toString();
    }
}
