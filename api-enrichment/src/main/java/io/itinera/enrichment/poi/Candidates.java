package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.events.enrichment.ContextSource;
import java.util.List;

/** The candidate points of interest of a trip and where they came from. */
public record Candidates(List<CatalogPoi> pois, ContextSource source) {

    public static final String PART = "points-of-interest";

    public Candidates {
        pois = List.copyOf(pois);
    }

    /** Candidates from one offline source, as tests and the curated catalog give them. */
    public static Candidates offline(List<CatalogPoi> pois, String source) {
        return new Candidates(pois, new ContextSource(PART, source, false, null, null));
    }
}
