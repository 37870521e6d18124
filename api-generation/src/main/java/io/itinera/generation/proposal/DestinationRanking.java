package io.itinera.generation.proposal;

import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Scores each catalog destination for a brief on four factors, each from 0 to 1, and ranks by their weighted sum:
 * interests (how many well-liked places match the traveller's interests), climate (a pleasant day's high and few rainy
 * days in the month of travel), distance (the estimated one-way journey from the origin, against the traveller's
 * limit) and cost (the destination's price level against the budget). Destinations beyond the journey limit, and the
 * origin itself, are left out.
 */
final class DestinationRanking {

    static final String INTERESTS = "interests";
    static final String CLIMATE = "climate";
    static final String DISTANCE = "distance";
    static final String COST = "cost";

    private static final Map<String, Double> WEIGHTS = Map.of(INTERESTS, 0.4, CLIMATE, 0.25, DISTANCE, 0.2, COST, 0.15);
    /** Without a limit from the traveller, a journey this long scores 0. */
    private static final double LONGEST_HOURS = 16;

    /** The ranked proposals, best first, at most {@code brief.limit()}. */
    List<DestinationProposal> rank(ProposalBrief brief, Origin origin, List<DestinationProfile> destinations) {
        GeoPoint from = new GeoPoint(origin.lat(), origin.lon());
        List<DestinationProposal> proposals = new ArrayList<>();
        for (DestinationProfile d : destinations) {
            double km = from.metresTo(new GeoPoint(d.lat(), d.lon())) / 1000;
            double hours = journeyHours(km);
            if (km < 50 || (brief.maxTravelHours() != null && hours > brief.maxTravelHours())) {
                continue;
            }
            Map<String, Double> breakdown = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            breakdown.put(INTERESTS, round(interests(brief, d, reasons)));
            breakdown.put(CLIMATE, round(climate(brief.month(), d, reasons)));
            breakdown.put(DISTANCE, round(distance(brief, km, hours, origin, reasons)));
            breakdown.put(COST, round(cost(brief, d, reasons)));
            double score = breakdown.entrySet().stream()
                    .mapToDouble(e -> e.getValue() * Objects.requireNonNull(WEIGHTS.get(e.getKey()), e.getKey()))
                    .sum();
            proposals.add(new DestinationProposal(
                    d.id(), d.name(), d.country(), round(score), breakdown, List.copyOf(reasons)));
        }
        proposals.sort(Comparator.comparingDouble(DestinationProposal::score)
                .reversed()
                .thenComparing(DestinationProposal::destinationId));
        return List.copyOf(proposals.subList(0, Math.min(Math.max(1, brief.limit()), proposals.size())));
    }

    /** Mean over the requested interests of (places, up to 4) / 4 × mean popularity. */
    static double interests(ProposalBrief brief, DestinationProfile d, List<String> reasons) {
        if (brief.interests().isEmpty()) {
            return 0.5;
        }
        double sum = 0;
        List<String> strong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Interest interest : brief.interests()) {
            DestinationProfile.Coverage c = d.interests().get(interest);
            double value = c == null ? 0 : Math.min(c.places(), 4) / 4.0 * c.meanPopularity() / 100.0;
            sum += value;
            if (c == null) {
                missing.add(interest.wireName());
            } else if (value >= 0.5) {
                strong.add("%s (%d places)".formatted(interest.wireName(), c.places()));
            }
        }
        if (!strong.isEmpty()) {
            reasons.add("Strong on " + String.join(", ", strong));
        }
        if (!missing.isEmpty()) {
            reasons.add("Nothing curated for " + String.join(", ", missing));
        }
        return sum / brief.interests().size();
    }

    /** Day highs between 18 and 27 °C score fully, fading to 0 at 5 and 38 °C; each rainy day in 15 takes a share. */
    static double climate(int month, DestinationProfile d, List<String> reasons) {
        if (d.climate().size() != 12) {
            return 0.5;
        }
        double[] m = d.climate().get(month - 1);
        double high = m[1];
        double rainyDays = m[3];
        double warmth = high < 18 ? (high - 5) / 13 : high > 27 ? (38 - high) / 11 : 1;
        warmth = clamp(warmth);
        double dryness = clamp(1 - rainyDays / 15);
        String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        reasons.add(String.format(
                Locale.ROOT,
                "%s in %s: highs around %.0f °C, %.0f rainy days",
                warmth >= 0.8 && dryness >= 0.6 ? "Pleasant" : warmth < 0.5 ? (high < 18 ? "Cold" : "Hot") : "Mixed",
                monthName,
                high,
                rainyDays));
        return 0.6 * warmth + 0.4 * dryness;
    }

    static double distance(ProposalBrief brief, double km, double hours, Origin origin, List<String> reasons) {
        double limit = brief.maxTravelHours() != null ? brief.maxTravelHours() : LONGEST_HOURS;
        reasons.add(String.format(
                Locale.ROOT,
                "About %s from %s (%,.0f km, %s)",
                formatHours(hours),
                origin.name(),
                km,
                km < GROUND_KM ? "by train or road" : "by air"));
        return clamp(1 - hours / (limit * 1.25));
    }

    /** A price level at or under the budget's scores fully; each level above it costs 0.45. */
    static double cost(ProposalBrief brief, DestinationProfile d, List<String> reasons) {
        double over = d.costLevel() - brief.budget().maxPriceLevel();
        if (over > 0.25) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "Pricier than a %s budget (price level %.1f of 3)",
                    brief.budget().name().toLowerCase(Locale.ROOT),
                    d.costLevel()));
        } else {
            reasons.add(String.format(
                    Locale.ROOT,
                    "Fits a %s budget (price level %.1f of 3)",
                    brief.budget().name().toLowerCase(Locale.ROOT),
                    d.costLevel()));
        }
        return clamp(1 - Math.max(0, over) * 0.45);
    }

    static final double GROUND_KM = 600;

    /** Door to door: under 600 km by rail or road at 110 km/h plus half an hour; else a flight at 750 km/h plus 2.5 h. */
    static double journeyHours(double km) {
        return km < GROUND_KM ? 0.5 + km / 110 : 2.5 + km / 750;
    }

    private static String formatHours(double hours) {
        int minutes = (int) Math.round(hours * 60);
        return "%dh%02d".formatted(minutes / 60, minutes % 60);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String names(List<DestinationProposal> proposals) {
        return proposals.stream().map(DestinationProposal::name).collect(Collectors.joining(", "));
    }
}
