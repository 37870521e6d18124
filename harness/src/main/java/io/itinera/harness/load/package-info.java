/** Open-model load against a running suite: arrivals at fixed rates, every trip followed to its end, per-step figures. */
@NullMarked
package io.itinera.harness.load;

import org.jspecify.annotations.NullMarked;
