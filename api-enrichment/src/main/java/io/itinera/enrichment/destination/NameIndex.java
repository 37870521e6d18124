package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds destinations by any of their names, forgiving accents, case, spaces and small typos; ranks by match quality,
 * then by fewer edits, then by population.
 */
final class NameIndex {

    static final Comparator<DestinationMatch> RANKING = Comparator.comparing(DestinationMatch::quality)
            .thenComparingInt(DestinationMatch::edits)
            .thenComparing(Comparator.comparingInt(
                            (DestinationMatch match) -> match.destination().population())
                    .reversed())
            .thenComparing(match -> match.destination().id());

    private record Entry(CatalogDestination destination, boolean curated, List<String> names, List<String> keys) {}

    private final List<Entry> entries;

    NameIndex(List<CatalogDestination> destinations, Set<String> curatedIds) {
        this.entries = destinations.stream()
                .map(destination -> {
                    List<String> names = Stream.concat(
                                    Stream.of(destination.name(), destination.asciiName()),
                                    destination.alternateNames().stream())
                            .toList();
                    return new Entry(
                            destination,
                            curatedIds.contains(destination.id()),
                            names,
                            names.stream().map(Names::key).toList());
                })
                .toList();
    }

    /** The best matches for a typed text, at most {@code limit} of them. */
    List<DestinationMatch> search(String typed, int limit) {
        String query = Names.key(typed);
        if (query.isEmpty()) {
            return List.of();
        }
        int allowed = Names.allowedTypos(query.length());
        List<DestinationMatch> found = new ArrayList<>();
        for (Entry entry : entries) {
            best(entry, query, allowed).ifPresent(found::add);
        }
        found.sort(RANKING);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private static Optional<DestinationMatch> best(Entry entry, String query, int allowed) {
        DestinationMatch best = null;
        for (int i = 0; i < entry.keys().size(); i++) {
            DestinationMatch match =
                    match(entry, entry.names().get(i), entry.keys().get(i), query, allowed);
            if (match != null && (best == null || RANKING.compare(match, best) < 0)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    private static @Nullable DestinationMatch match(Entry entry, String name, String key, String query, int allowed) {
        if (key.equals(query)) {
            return new DestinationMatch(entry.destination(), name, MatchQuality.EXACT, 0, entry.curated());
        }
        if (query.length() >= 2 && key.startsWith(query)) {
            return new DestinationMatch(entry.destination(), name, MatchQuality.PREFIX, 0, entry.curated());
        }
        if (allowed == 0) {
            return null;
        }
        int whole = Names.distance(query, key, allowed);
        if (whole <= allowed) {
            return new DestinationMatch(entry.destination(), name, MatchQuality.TYPO, whole, entry.curated());
        }
        int start = allowed + 1;
        for (int length = query.length() - 1; length <= query.length() + 1; length++) {
            if (length < key.length()) {
                start = Math.min(start, Names.distance(query, key.substring(0, length), allowed));
            }
        }
        return start <= allowed
                ? new DestinationMatch(entry.destination(), name, MatchQuality.TYPO_PREFIX, start, entry.curated())
                : null;
    }
}
