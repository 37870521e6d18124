/** The planners: the search over the whole trip (the default) and the greedy baseline, chosen by {@link Planners}. */
@NullMarked
package io.itinera.generation.planners;

import org.jspecify.annotations.NullMarked;
