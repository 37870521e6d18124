package io.itinera.enrichment.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.events.TripRequests;
import io.itinera.events.trip.TripRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationResolverTests {

    private final DestinationResolver resolver =
            new DestinationResolver(new Destinations(TestCatalogs.fixture().destinations(), List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"Lisbon", "lisbon", "LISBON", " Lisbon ", "lisboa", "LISBOA", "Lis bon", "Lissabon"})
    void resolvesANameIgnoringCaseAndWhitespace(String typed) {
        assertThat(resolvedId(typed, null)).contains("lisbon");
    }

    @ParameterizedTest
    @CsvSource({
        "Málaga, malaga",
        "Malaga, malaga",
        "MÁLAGA, malaga",
        "málaga, malaga",
        "São Paulo, sao-paulo",
        "sao paulo, sao-paulo",
        "SAOPAULO, sao-paulo",
        "Sampa, sao-paulo"
    })
    void resolvesANameIgnoringAccents(String typed, String expectedId) {
        assertThat(resolvedId(typed, null)).contains(expectedId);
    }

    @Test
    void resolvesAccentedInputToAnUnaccentedName() {
        assertThat(resolvedId("Lísbön", null)).contains("lisbon");
    }

    @Test
    void resolvesAlternateNames() {
        assertThat(resolvedId("Oporto", null)).contains("porto");
        assertThat(resolvedId("parigi", null)).contains("paris");
    }

    @Test
    void prefersTheMostPopulousDestinationOfAName() {
        // given two destinations called Paris, the smaller one listed first

        // when
        Optional<String> resolved = resolvedId("Paris", null);

        // then
        assertThat(resolved).contains("paris");
    }

    @Test
    void aPinnedIdWinsOverTheName() {
        assertThat(resolvedId("Paris", "paris-texas")).contains("paris-texas");
        assertThat(resolvedId("Paris", " Paris-Texas ")).contains("paris-texas");
    }

    @Test
    void unknownNameResolvesToNothing() {
        assertThat(resolvedId("Atlantis", null)).isEmpty();
    }

    @Test
    void unknownPinnedIdResolvesToNothingEvenWhenTheNameIsKnown() {
        assertThat(resolvedId("Lisbon", "atlantis")).isEmpty();
    }

    @Test
    void blankPinnedIdFallsBackToTheName() {
        assertThat(resolvedId("Lisbon", " ")).contains("lisbon");
    }

    private Optional<String> resolvedId(String destination, @Nullable String destinationId) {
        TripRequest request =
                TripRequests.to(destination).destinationId(destinationId).build();
        return resolver.resolve(request).map(CatalogDestination::id);
    }
}
