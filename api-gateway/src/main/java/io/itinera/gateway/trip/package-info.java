/** The public trip API: accept a trip request, serve its state from the local replica of the trip log. */
@NullMarked
package io.itinera.gateway.trip;

import org.jspecify.annotations.NullMarked;
