/** Cross-cutting wiring: the clock (the Kafka plumbing is auto-configured by common-events). */
@NullMarked
package io.itinera.enrichment.system;

import org.jspecify.annotations.NullMarked;
