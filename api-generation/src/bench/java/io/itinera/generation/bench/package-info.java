/** JMH benchmarks of the planner at real trip sizes; built and run only with the {@code bench} Maven profile. */
@NullMarked
package io.itinera.generation.bench;

import org.jspecify.annotations.NullMarked;
