package io.itinera.gateway.trip;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.gateway.input.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/trips}, validated field by field before anything is published. */
record TripRequestBody(
        @NotBlank @Size(max = 120) @PlainText String destination,
        @Nullable @Size(min = 1, max = 64) @PlainText String destinationId,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Min(1) @Max(20) Integer travelers,
        @NotEmpty @Size(max = 10) List<@NotNull Interest> interests,
        @NotNull Pace pace,
        @NotNull Budget budget,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) @PlainText String> mustSee,
        @Nullable @Valid Lodging lodging,

        @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Nullable TravelMode mode) {

    /** Where each day starts and ends. */
    @Schema(name = "Lodging")
    record Lodging(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

    TripRequest toRequest() {
        return new TripRequest(
                destination.strip(),
                destinationId,
                startDate,
                endDate,
                travelers,
                interests.stream().distinct().toList(),
                pace,
                budget,
                mustSee == null ? null : List.copyOf(mustSee),
                lodging == null ? null : new GeoPoint(lodging.lat(), lodging.lon()),
                currency,
                mode);
    }
}
