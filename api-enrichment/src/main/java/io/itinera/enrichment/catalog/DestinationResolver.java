package io.itinera.enrichment.catalog;

import io.itinera.events.trip.TripRequest;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Finds the catalog destination a trip asks for: by its pinned id when it has one, otherwise by name, ignoring case,
 * accents and whitespace, over names, ASCII names and alternate names; the most populous destination wins a tie.
 */
@Component
public class DestinationResolver {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Catalog catalog;
    private final Map<String, CatalogDestination> byName;

    public DestinationResolver(Catalog catalog) {
        this.catalog = catalog;
        this.byName = catalog.destinations().stream()
                .sorted(Comparator.comparingInt(CatalogDestination::population).reversed())
                .flatMap(destination -> names(destination).map(name -> Map.entry(key(name), destination)))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (mostPopulous, other) -> mostPopulous));
    }

    /** The destination of a trip; empty when the catalog has none by that id or name. */
    public Optional<CatalogDestination> resolve(TripRequest request) {
        String pinned = request.destinationId();
        if (pinned != null && !pinned.isBlank()) {
            return catalog.destination(pinned);
        }
        return Optional.ofNullable(byName.get(key(request.destination())));
    }

    private static Stream<String> names(CatalogDestination destination) {
        return Stream.concat(
                Stream.of(destination.name(), destination.asciiName()), destination.alternateNames().stream());
    }

    /** A name reduced for comparison: no accents, no whitespace, lower case. */
    static String key(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String bare = SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
        return bare.toLowerCase(Locale.ROOT);
    }
}
