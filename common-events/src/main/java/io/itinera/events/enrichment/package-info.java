/** Enrichment stage: requests, progress and the planning context it produces. */
@NullMarked
package io.itinera.events.enrichment;

import org.jspecify.annotations.NullMarked;
