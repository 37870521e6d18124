/** Destination search, served by api-enrichment and routed through the gateway with a circuit breaker. */
@NullMarked
package io.itinera.gateway.destination;

import org.jspecify.annotations.NullMarked;
