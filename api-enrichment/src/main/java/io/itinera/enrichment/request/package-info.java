/** Consumes enrichment requests and reports progress and the outcome on the enrichment topics. */
@NullMarked
package io.itinera.enrichment.request;

import org.jspecify.annotations.NullMarked;
