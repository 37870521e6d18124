package io.itinera.generation.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 * @param lunch where the lunch pause may go
 * @param weights how stops are scored
 */
@Validated
@ConfigurationProperties("generation")
public record GenerationProperties(
        @Valid @DefaultValue Travel travel,
        @Valid @DefaultValue Lunch lunch,
        @Valid @DefaultValue Weights weights) {

    /** The documented defaults, for code that runs without Spring (tests, tools). */
    public static GenerationProperties defaults() {
        return new GenerationProperties(
                new Travel(1.3, 4.5, 18.0, 8, 1000),
                new Lunch(LocalTime.NOON, LocalTime.of(14, 0), Duration.ofMinutes(60)),
                new Weights(10.0, 0.35, 0.6, 0.6));
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
     * The lunch pause of a tour still under way at {@code earliestStart}.
     *
     * @param earliestStart the pause starts no earlier than this
     * @param latestStart the pause starts no later than this
     * @param duration how long the pause lasts
     */
    public record Lunch(
            @DefaultValue("12:00") LocalTime earliestStart,
            @DefaultValue("14:00") LocalTime latestStart,
            @DefaultValue("60m") Duration duration) {

        int earliestMinute() {
            return Minutes.of(earliestStart);
        }

        int latestMinute() {
            return Minutes.of(latestStart);
        }

        int minutes() {
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
     */
    public record Weights(
            @DefaultValue("10") @PositiveOrZero double mustSeeBonus,

            @DefaultValue("0.35") @DecimalMin("0") @DecimalMax("1")
            double offInterestFactor,

            @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1")
            double overBudgetFactor,

            @DefaultValue("0.6") @Positive @DecimalMax("1") double repeatedCategoryFactor) {}
}
