/**
 * The feasibility rules: checks any itinerary against its request and planning context, whichever planner made it.
 */
@NullMarked
package io.itinera.generation.feasibility;

import org.jspecify.annotations.NullMarked;
