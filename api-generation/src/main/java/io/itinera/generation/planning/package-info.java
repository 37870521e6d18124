/** Itinerary planning: the travel model, the scoring, the greedy planner and an independent feasibility check. */
@NullMarked
package io.itinera.generation.planning;

import org.jspecify.annotations.NullMarked;
