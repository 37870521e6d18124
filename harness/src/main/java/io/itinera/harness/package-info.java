/** Command-line entry of the load harness: the load, planner and bare modes (docs/performance.md). */
@NullMarked
package io.itinera.harness;

import org.jspecify.annotations.NullMarked;
