/** A bare WebFlux endpoint with the trip API's shape, the yardstick of the accept path. */
@NullMarked
package io.itinera.harness.bare;

import org.jspecify.annotations.NullMarked;
