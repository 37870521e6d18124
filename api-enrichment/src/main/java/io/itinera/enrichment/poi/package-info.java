/**
 * The candidate points of interest of a destination: curated, from an operator's own file (CSV or GeoJSON), or live
 * from OpenStreetMap's Overpass API for destinations without either.
 */
@NullMarked
package io.itinera.enrichment.poi;

import org.jspecify.annotations.NullMarked;
