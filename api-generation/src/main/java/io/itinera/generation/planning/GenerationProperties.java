package io.itinera.generation.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the planner under the {@code generation} prefix; the defaults are the documented planning rules.
 *
 * @param travel how long moving between places takes
 * @param lunch where the lunch pause may go (defaults in {@code application.yml}, like dinner's)
 * @param weights how stops are scored
 * @param dinner where the dinner pause of a day that runs late may go
 * @param search how long the planner searches
 * @param planner {@code search} (the metaheuristic) or {@code greedy} (the baseline)
 */
@Validated
@ConfigurationProperties("generation")
public record GenerationProperties(
        @Valid @DefaultValue Travel travel,
        @Valid @NotNull MealWindow lunch,
        @Valid @DefaultValue Weights weights,
        @Valid @NotNull MealWindow dinner,
        @Valid @DefaultValue Search search,
        @DefaultValue("search") String planner) {

    /** The documented defaults, for code that runs without Spring (tests, tools); application.yml says the same. */
    public static GenerationProperties defaults() {
        return new GenerationProperties(
                new Travel(1.3, 4.5, 18.0, 8, 1000),
                new MealWindow(LocalTime.NOON, LocalTime.of(14, 0), Duration.ofMinutes(60)),
                new Weights(10.0, 0.35, 0.6, 0.6, 0.5, 1.5, 2),
                new MealWindow(LocalTime.of(19, 0), LocalTime.of(20, 30), Duration.ofMinutes(75)),
                new Search(600, 30, 36_000, Duration.ofMillis(250), 7L),
                "search");
    }

    /**
     * These settings with another search time limit: tests that compare plans run without the safety net, so that a
     * busy machine cannot cut a search short and change its plan.
     */
    public GenerationProperties withSearchTimeLimit(Duration timeLimit) {
        return new GenerationProperties(
                travel,
                lunch,
                weights,
                dinner,
                new Search(search.maxIterations(), search.minIterations(), search.work(), timeLimit, search.seed()),
                planner);
    }

    /**
     * The travel model.
     *
     * @param detourFactor straight-line distance times this gives the street distance
     * @param walkingKmh walking speed
     * @param transitKmh average public transport speed once on board
     * @param transitWaitMinutes waiting added to every public transport ride
     * @param transitMinMetres shorter distances are walked even when the traveller chose transit
     */
    public record Travel(
            @DefaultValue("1.3") @DecimalMin("1.0") double detourFactor,
            @DefaultValue("4.5") @DecimalMin("0.5") double walkingKmh,
            @DefaultValue("18") @DecimalMin("1.0") double transitKmh,
            @DefaultValue("8") @PositiveOrZero int transitWaitMinutes,
            @DefaultValue("1000") @PositiveOrZero int transitMinMetres) {}

    /**
     * Where a meal pause of a tour may go: a tour still under way at {@code earliestStart} pauses for the meal, starting
     * between {@code earliestStart} and {@code latestStart}. Lunch is due every day; dinner only on days whose pace runs
     * past its earliest start.
     *
     * @param earliestStart the pause starts no earlier than this
     * @param latestStart the pause starts no later than this
     * @param duration how long the pause lasts
     */
    public record MealWindow(
            @NotNull LocalTime earliestStart,
            @NotNull LocalTime latestStart,
            @NotNull Duration duration) {

        public int earliestMinute() {
            return Minutes.of(earliestStart);
        }

        public int latestMinute() {
            return Minutes.of(latestStart);
        }

        public int minutes() {
            return (int) duration.toMinutes();
        }
    }

    /**
     * Scoring weights.
     *
     * @param mustSeeBonus added to the score of a point of interest the traveller must see
     * @param offInterestFactor multiplies the score of a category outside the traveller's interests
     * @param overBudgetFactor multiplies the score of a place pricier than the budget
     * @param repeatedCategoryFactor multiplies the score once more for each earlier stop of the same category that day
     * @param wetOutdoorFactor multiplies the score of an outdoor place on a day forecast to be wet (scaled by the chance
     *     of rain when the forecast gives one)
     * @param topPlaceBonus added to the score of one of the city's top places, so that it is worth more than the lesser
     *     places its visit usually makes room for; smaller than a must-see's
     * @param topPlacesPerDay how many of the most popular candidates per trip day are the city's top places
     */
    public record Weights(
            @DefaultValue("10") @PositiveOrZero double mustSeeBonus,

            @DefaultValue("0.35") @DecimalMin("0") @DecimalMax("1")
            double offInterestFactor,

            @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1")
            double overBudgetFactor,

            @DefaultValue("0.6") @Positive @DecimalMax("1") double repeatedCategoryFactor,

            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
            double wetOutdoorFactor,

            @DefaultValue("1.5") @PositiveOrZero double topPlaceBonus,
            @DefaultValue("2") @PositiveOrZero int topPlacesPerDay) {}

    /**
     * The metaheuristic's budget, in ruin-and-recreate steps so that the same request and seed always give the same plan:
     * {@code work / (candidate nodes × days)} steps, kept between {@code minIterations} and {@code maxIterations}, since
     * a step costs about that product. {@code timeLimit} is a safety net for an overloaded machine.
     *
     * @param maxIterations at most this many steps
     * @param minIterations at least this many steps
     * @param work steps times candidate nodes times days
     * @param timeLimit the longest the search may run
     * @param seed seeds the search's random choices
     */
    public record Search(
            @DefaultValue("600") @Positive int maxIterations,
            @DefaultValue("30") @Positive int minIterations,
            @DefaultValue("36000") @Positive long work,
            @DefaultValue("250ms") Duration timeLimit,
            @DefaultValue("7") long seed) {

        /** The steps for a problem of this size. */
        public long iterationsFor(int nodes, int days) {
            long steps = work / Math.max(1L, (long) nodes * days);
            return Math.max(minIterations, Math.min(maxIterations, steps));
        }
    }
}
