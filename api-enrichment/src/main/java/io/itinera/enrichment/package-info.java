/** The enrichment worker: turns a trip request into the planning context the planner works from. */
@NullMarked
package io.itinera.enrichment;

import org.jspecify.annotations.NullMarked;
