package io.itinera.gateway.proposal;

import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.gateway.input.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/proposals}: a loose brief for where to go. */
record ProposalBriefBody(
        @NotBlank @Size(max = 120) @PlainText String origin,
        @NotNull @Min(1) @Max(12) Integer month,
        @NotNull @Min(1) @Max(21) Integer tripDays,
        @NotEmpty @Size(max = 10) List<@NotNull Interest> interests,
        @NotNull Budget budget,
        @Nullable @DecimalMin("0.5") @DecimalMax("48") Double maxTravelHours,
        @Nullable @Min(1) @Max(20) Integer limit) {

    static final int DEFAULT_LIMIT = 5;

    ProposalBrief toBrief() {
        return new ProposalBrief(
                origin.strip(),
                month,
                tripDays,
                interests.stream().distinct().toList(),
                budget,
                maxTravelHours,
                limit == null ? DEFAULT_LIMIT : limit);
    }
}
