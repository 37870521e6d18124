/** Cross-cutting wiring: Kafka topics, error handling, readiness and stage metrics. */
@NullMarked
package io.itinera.generation.system;

import org.jspecify.annotations.NullMarked;
