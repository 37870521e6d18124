package io.itinera.enrichment.poi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.destination.TestDestinations;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.trip.Interest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Places ranked as a traveller would, for three cities without curated places: Overpass answers written in the shape
 * of real ones (tags as OpenStreetMap has them, bounding boxes from {@code out tags bb}), served by a local stub and
 * read through the real client.
 */
class OverpassRankingTests {

    private static final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private static OverpassClient overpass;

    @BeforeAll
    static void start() throws IOException {
        stub.start();
        for (String city : List.of("munich", "kyoto", "lyon")) {
            String around = switch (city) {
                case "munich" -> "48\\.1";
                case "kyoto" -> "35\\.0";
                default -> "45\\.7";
            };
            stub.stubFor(get(urlPathEqualTo("/api/interpreter"))
                    .withQueryParam("data", matching(".*around:5000," + around + ".*"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(fixture(city))));
        }
        TestProviders.warmUp(stub.baseUrl());
        overpass = new OverpassClient(
                TestProviders.stubbed(
                                TestProviders.patient(URI.create(stub.baseUrl())),
                                Clock.systemUTC(),
                                new SimpleMeterRegistry())
                        .overpass(),
                5000,
                60);
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @Test
    void munichsWorldFamousPlacesComeFirstInEnglish() {
        List<CatalogPoi> munich = places("munich");

        assertThat(munich.subList(0, 5))
                .extracting(CatalogPoi::name)
                .containsExactlyInAnyOrder(
                        "Nymphenburg Palace",
                        "Munich Residenz",
                        "Deutsches Museum",
                        "English Garden",
                        "Cathedral of Our Dear Lady");
        assertThat(munich.get(munich.size() - 1).name()).isEqualTo("Gedenkstein Alter Botanischer Garten");
        assertThat(popularities(munich))
                // art museum 40 + wikidata 20 + wikipedia 10 + size 5 (a 4.9 ha bounding box) + richness 1 (9 tags)
                .containsEntry("Alte Pinakothek", 76)
                .containsEntry("Galerie am Glockenbach", 30); // gallery 30, nothing else known
        assertThat(munich)
                .extracting(CatalogPoi::name)
                .as("indoor places without usable hours are left out")
                .doesNotContain("Sammlung Schack", "Kunstraum Isarvorstadt");
        stub.verify(getRequestedFor(urlPathEqualTo("/api/interpreter"))
                .withQueryParam("data", matching(".*out tags bb;$")));
    }

    @Test
    void kyotosTemplesAndCastleOutrankItsTowerAndGalleryAndKeepLocalNamesOnlyWithoutEnglishOnes() {
        List<CatalogPoi> kyoto = places("kyoto");

        assertThat(kyoto.subList(0, 4))
                .extracting(CatalogPoi::name)
                .containsExactlyInAnyOrder("Kinkaku-ji", "Fushimi Inari Taisha", "Kiyomizu-dera", "Nijō Castle");
        assertThat(rank(kyoto, "Kyoto Tower")).isGreaterThan(rank(kyoto, "Ginkaku-ji"));
        assertThat(kyoto.get(kyoto.size() - 1).name()).isEqualTo("ギャラリー・ヒルゲート");
        assertThat(kyoto)
                .extracting(CatalogPoi::name)
                .contains("御金神社", "Philosopher's Path", "Nishiki Market")
                .doesNotContain("鹿苑寺", "二条城");
    }

    @Test
    void lyonsVisitsLastAsLongAsTheirKindAndHoursFollowTheSeasons() {
        List<CatalogPoi> lyon = places("lyon");
        Map<String, CatalogPoi> byName = lyon.stream().collect(Collectors.toMap(CatalogPoi::name, Function.identity()));

        assertThat(lyon.subList(0, 5))
                .extracting(CatalogPoi::name)
                .contains(
                        "Basilica of Notre-Dame de Fourvière",
                        "Museum of Fine Arts of Lyon",
                        "Parc de la Tête d'Or",
                        "Ancient Theatre of Fourvière");
        assertThat(lyon.get(lyon.size() - 1).name()).isEqualTo("Monument aux morts du quartier");
        assertThat(byName.get("Museum of Fine Arts of Lyon"))
                .extracting(CatalogPoi::category, CatalogPoi::visitMinutes, CatalogPoi::indoor)
                .containsExactly(Interest.ART, 120, true);
        assertThat(byName.get("Esplanade de Fourvière"))
                .extracting(CatalogPoi::category, CatalogPoi::visitMinutes, CatalogPoi::indoor)
                .containsExactly(Interest.VIEWPOINTS, 20, false);
        assertThat(byName.get("Lyon Cathedral"))
                .extracting(CatalogPoi::category, CatalogPoi::visitMinutes)
                .containsExactly(Interest.RELIGION, 45);
        assertThat(byName.get("Parc de la Tête d'Or").visitMinutes()).isEqualTo(60);
        assertThat(byName.get("Halles de Lyon Paul Bocuse").category()).isEqualTo(Interest.FOOD);
        assertThat(byName.get("Parc de la Tête d'Or").openingHours().windowsOn(LocalDate.of(2027, 7, 1), Set.of()))
                .singleElement()
                .hasToString("TimeWindow[open=06:30, close=22:30]");
    }

    private static List<CatalogPoi> places(String city) {
        CatalogDestination destination = TestDestinations.shipped().byId(city).orElseThrow();
        ProviderResult<List<CatalogPoi>> result = overpass.around(destination);
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        List<CatalogPoi> places = result.value();
        assertThat(places).isSortedAccordingTo((a, b) -> Integer.compare(b.popularity(), a.popularity()));
        return places;
    }

    private static Map<String, Integer> popularities(List<CatalogPoi> places) {
        return places.stream().collect(Collectors.toMap(CatalogPoi::name, CatalogPoi::popularity));
    }

    private static int rank(List<CatalogPoi> places, String name) {
        return places.stream().map(CatalogPoi::name).toList().indexOf(name);
    }

    private static String fixture(String city) throws IOException {
        try (InputStream in = OverpassRankingTests.class.getResourceAsStream("/overpass/" + city + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
