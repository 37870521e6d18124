/** Planner-only throughput: the services' own context builder and planner in-process, no Kafka. */
@NullMarked
package io.itinera.harness.planner;

import org.jspecify.annotations.NullMarked;
