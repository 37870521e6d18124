/** Generation stage: requests, progress and the itinerary it produces. */
@NullMarked
package io.itinera.events.generation;

import org.jspecify.annotations.NullMarked;
