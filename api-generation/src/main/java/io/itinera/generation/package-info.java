/** The generation worker: turns a trip request and its planning context into an itinerary. */
@NullMarked
package io.itinera.generation;

import org.jspecify.annotations.NullMarked;
