/** Every destination the service knows (curated and GeoNames cities), forgiving search over them, and its API. */
@NullMarked
package io.itinera.enrichment.destination;

import org.jspecify.annotations.NullMarked;
