package io.itinera.enrichment.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search over the shipped destinations: forgiving, ranked by match quality then population. */
class DestinationSearchTests {

    private final Destinations destinations = TestDestinations.shipped();

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
        "lisbo, lisbon",
        "LISBOA, lisbon",
        "lisbn, lisbon",
        "Lisbonne, lisbon",
        "ilsbon, lisbon",
        "São Paulo, sao-paulo",
        "sao paulo, sao-paulo",
        "Muenchen, munich",
        "München, munich",
        "Köln, koeln",
        "amsterdm, amsterdam",
        "Barcelone, barcelona",
        "new york, new-york",
        "Roma, rome",
    })
    void findsTheExpectedDestinationFirst(String typed, String id) {
        assertThat(destinations.search(typed, 5))
                .first()
                .satisfies(match -> assertThat(match.destination().id()).isEqualTo(id));
    }

    @Test
    void anAmbiguousNameListsTheMostPopulousPlaceFirst() {
        List<DestinationMatch> found = destinations.search("Valencia", 5);

        assertThat(found).hasSizeGreaterThanOrEqualTo(2);
        assertThat(found).allSatisfy(match -> assertThat(match.quality()).isEqualTo(MatchQuality.EXACT));
        assertThat(found.get(0).destination().population())
                .isGreaterThanOrEqualTo(found.get(1).destination().population());
        assertThat(found).extracting(match -> match.destination().country()).contains("ES", "VE");
    }

    @Test
    void ranksExactMatchesBeforePrefixesBeforeTypos() {
        List<DestinationMatch> found = destinations.search("paris", 20);

        assertThat(found.get(0).destination().id()).isEqualTo("paris");
        assertThat(found.get(0).quality()).isEqualTo(MatchQuality.EXACT);
        assertThat(found).extracting(DestinationMatch::quality).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void marksCuratedDestinationsAndKeepsTheirIds() {
        assertThat(destinations.search("Lisbon", 1)).singleElement().satisfies(match -> {
            assertThat(match.curated()).isTrue();
            assertThat(match.destination().timeZone().getId()).isEqualTo("Europe/Lisbon");
        });
        assertThat(destinations.search("Munich", 1))
                .singleElement()
                .satisfies(match -> assertThat(match.curated()).isFalse());
    }

    @Test
    void respectsTheLimitAndIgnoresNonsense() {
        assertThat(destinations.search("san", 3)).hasSize(3);
        assertThat(destinations.search("  ", 10)).isEmpty();
        assertThat(destinations.search("qqqqxqqqq", 10)).isEmpty();
    }

    @Test
    void foldsGeoNamesEntriesIntoTheCuratedDestinations() {
        assertThat(destinations.all())
                .filteredOn(destination -> destination.name().equals("Lisbon"))
                .extracting(CatalogDestination::id)
                .containsExactly("lisbon");
        assertThat(destinations.byId("lisbon").orElseThrow().alternateNames()).contains("Lisboa", "Lizbona");
    }
}
