/** Cross-cutting wiring: Kafka plumbing, topics, readiness and the clock. */
@NullMarked
package io.itinera.enrichment.system;

import org.jspecify.annotations.NullMarked;
