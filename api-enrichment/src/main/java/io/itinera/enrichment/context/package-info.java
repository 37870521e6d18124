/** Builds the planning context of a trip: its destination, its days and the candidate points of interest. */
@NullMarked
package io.itinera.enrichment.context;

import org.jspecify.annotations.NullMarked;
