/**
 * The planning model shared by the planners and the feasibility rules: the tunables, the travel model, the scoring,
 * the weather outlook, times in minutes, meal pauses, and the contract every planner fulfils.
 */
@NullMarked
package io.itinera.generation.planning;

import org.jspecify.annotations.NullMarked;
