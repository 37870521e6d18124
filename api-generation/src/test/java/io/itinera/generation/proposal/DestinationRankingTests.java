package io.itinera.generation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Each factor moves the ranking the way a traveller expects, all else being equal. */
class DestinationRankingTests {

    private static final Origin ORIGIN = new Origin("origin", "Origin", "Origin", "XX", 48.0, 8.0, 100_000);
    private static final double[] MILD = {10, 22, 40, 4};

    private final DestinationRanking ranking = new DestinationRanking();

    @Test
    void ranksTheDestinationRichestInTheTravellersInterestsFirst() {
        DestinationProfile art = profile("art-town", 49.0, 8.0, Map.of(Interest.ART, 6), MILD, 1.0);
        DestinationProfile beach = profile("beach-town", 47.0, 8.0, Map.of(Interest.NATURE, 6), MILD, 1.0);

        List<DestinationProposal> ranked =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.MEDIUM, null), ORIGIN, List.of(beach, art));

        assertThat(ranked).extracting(DestinationProposal::destinationId).containsExactly("art-town", "beach-town");
        assertThat(ranked.get(0).breakdown().get("interests"))
                .isGreaterThan(ranked.get(1).breakdown().get("interests"));
        assertThat(ranked.get(0).reasons()).anyMatch(r -> r.startsWith("Strong on art"));
        assertThat(ranked.get(1).reasons()).contains("Nothing curated for art");
    }

    @Test
    void prefersAPleasantAndDryMonthToAColdWetOne() {
        DestinationProfile sunny =
                profile("sunny", 49.0, 8.0, Map.of(Interest.ART, 4), new double[] {14, 24, 20, 2}, 1.0);
        DestinationProfile grey = profile("grey", 47.0, 8.0, Map.of(Interest.ART, 4), new double[] {1, 6, 90, 16}, 1.0);

        List<DestinationProposal> ranked =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.MEDIUM, null), ORIGIN, List.of(grey, sunny));

        assertThat(ranked).extracting(DestinationProposal::destinationId).containsExactly("sunny", "grey");
        assertThat(ranked.get(1).reasons()).anyMatch(r -> r.startsWith("Cold in June"));
    }

    @Test
    void prefersTheCloserOfTwoOtherwiseEqualDestinationsAndDropsThoseBeyondTheJourneyLimit() {
        DestinationProfile near = profile("near", 50.0, 8.0, Map.of(Interest.ART, 4), MILD, 1.0);
        DestinationProfile far = profile("far", 40.0, -74.0, Map.of(Interest.ART, 4), MILD, 1.0);

        List<DestinationProposal> anyDistance =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.MEDIUM, null), ORIGIN, List.of(far, near));
        List<DestinationProposal> withinFiveHours =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.MEDIUM, 5.0), ORIGIN, List.of(far, near));

        assertThat(anyDistance).extracting(DestinationProposal::destinationId).containsExactly("near", "far");
        assertThat(withinFiveHours)
                .extracting(DestinationProposal::destinationId)
                .containsExactly("near");
    }

    @Test
    void prefersADestinationWithinTheBudget() {
        DestinationProfile cheap = profile("cheap", 49.0, 8.0, Map.of(Interest.ART, 4), MILD, 0.8);
        DestinationProfile dear = profile("dear", 47.0, 8.0, Map.of(Interest.ART, 4), MILD, 2.8);

        List<DestinationProposal> low =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.LOW, null), ORIGIN, List.of(dear, cheap));
        List<DestinationProposal> high =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.HIGH, null), ORIGIN, List.of(dear, cheap));

        assertThat(low).extracting(DestinationProposal::destinationId).containsExactly("cheap", "dear");
        assertThat(low.get(1).reasons()).anyMatch(r -> r.startsWith("Pricier than a low budget"));
        assertThat(high.get(0).breakdown().get("cost")).isEqualTo(1.0);
        assertThat(high.get(1).breakdown().get("cost")).isEqualTo(1.0);
    }

    @Test
    void leavesOutTheOriginItselfAndReturnsAtMostTheLimit() {
        List<DestinationProfile> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(profile("d" + i, 49.0 + i, 8.0, Map.of(Interest.ART, 4), MILD, 1.0));
        }
        many.add(profile("home", 48.0, 8.0, Map.of(Interest.ART, 9), MILD, 1.0));
        Collections.shuffle(many, new Random(3));

        List<DestinationProposal> ranked =
                ranking.rank(brief(List.of(Interest.ART), 6, Budget.MEDIUM, null, 3), ORIGIN, many);

        assertThat(ranked)
                .hasSize(3)
                .extracting(DestinationProposal::destinationId)
                .doesNotContain("home");
        assertThat(ranked).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(ranked.get(0).breakdown()).containsOnlyKeys("interests", "climate", "distance", "cost");
    }

    @Test
    void ranksTheRealCatalogForABerlinBrief() {
        DestinationProfiles profiles = DestinationProfiles.load();
        ProposalBrief brief = brief(List.of(Interest.ART, Interest.HISTORY), 5, Budget.MEDIUM, 4.5, 3);

        List<DestinationProposal> ranked =
                ranking.rank(brief, profiles.origin("Berlin").orElseThrow(), profiles.destinations());

        assertThat(ranked)
                .hasSize(3)
                .extracting(DestinationProposal::destinationId)
                .doesNotContain("berlin", "new-york");
        assertThat(ranked).allSatisfy(p -> assertThat(p.score()).isBetween(0.0, 1.0));
    }

    private static ProposalBrief brief(List<Interest> interests, int month, Budget budget, @Nullable Double hours) {
        return brief(interests, month, budget, hours, 5);
    }

    private static ProposalBrief brief(
            List<Interest> interests, int month, Budget budget, @Nullable Double hours, int limit) {
        return new ProposalBrief("Origin", month, 4, interests, budget, hours, limit);
    }

    private static DestinationProfile profile(
            String id, double lat, double lon, Map<Interest, Integer> places, double[] everyMonth, double costLevel) {
        Map<Interest, DestinationProfile.Coverage> interests = new EnumMap<>(Interest.class);
        places.forEach((interest, count) -> interests.put(interest, new DestinationProfile.Coverage(count, 85)));
        return new DestinationProfile(
                id, id, "XX", lat, lon, 40, interests, Collections.nCopies(12, everyMonth), costLevel);
    }
}
