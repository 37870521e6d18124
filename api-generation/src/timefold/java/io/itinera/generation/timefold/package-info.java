/** The TOPTW as a Timefold Solver model, to compare engines on the benchmark; built only with {@code -Ptimefold}. */
@NullMarked
package io.itinera.generation.timefold;

import org.jspecify.annotations.NullMarked;
