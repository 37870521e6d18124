package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.Collection;

/**
 * Which destinations a trip can be planned for: those with points of interest offline (curated or an operator's
 * file), or every destination while a live points-of-interest provider is on. Implemented where the points of
 * interest are chosen, so that search and planning cannot disagree.
 */
public interface Coverage {

    boolean plannable(CatalogDestination destination);

    /** Whether a live provider is on, so that any destination can be planned, not only those offline. */
    boolean anyDestination();

    /** The ids of the destinations with points of interest offline. */
    Collection<String> offline();
}
