/** Fault injection on a running suite: a steady burst of trips, one fault per scenario, and what it cost (issue 11). */
@NullMarked
package io.itinera.harness.chaos;

import org.jspecify.annotations.NullMarked;
