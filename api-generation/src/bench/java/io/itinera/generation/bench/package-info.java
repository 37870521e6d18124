/**
 * Measuring the planner: JMH benchmarks at real trip sizes (run with the {@code bench} Maven profile), the synthetic trips
 * they plan, and {@link PlanValue}, the yardstick that compares planners. Test sources, never in the service's jar.
 */
@NullMarked
package io.itinera.generation.bench;

import org.jspecify.annotations.NullMarked;
