/**
 * Calls to live providers (Open-Meteo, Frankfurter, Overpass), each behind its own Resilience4j time limit, retry,
 * circuit breaker and bulkhead, with a Caffeine cache, metrics and a health report that never touches readiness.
 */
@NullMarked
package io.itinera.enrichment.provider;

import org.jspecify.annotations.NullMarked;
