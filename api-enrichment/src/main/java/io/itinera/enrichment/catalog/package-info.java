/** The offline catalog of destinations and points of interest, loaded and validated once at start-up. */
@NullMarked
package io.itinera.enrichment.catalog;

import org.jspecify.annotations.NullMarked;
