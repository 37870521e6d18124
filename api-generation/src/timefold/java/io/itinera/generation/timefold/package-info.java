/** The TOPTW as a Timefold Solver model, to compare engines on the benchmark; built only with {@code -Ptimefold}. */
package io.itinera.generation.timefold;
