/**
 * The TOPTW benchmark runner and its independent verifier: the search engine on the published instances, no Spring.
 * Test sources, never in the service's jar; {@code bench/toptw.sh} runs it.
 */
@NullMarked
package io.itinera.generation.benchmark;

import org.jspecify.annotations.NullMarked;
