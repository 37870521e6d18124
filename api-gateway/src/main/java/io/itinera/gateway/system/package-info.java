/** Cross-cutting wiring: Kafka, Kafka Streams, request ids. */
@NullMarked
package io.itinera.gateway.system;

import org.jspecify.annotations.NullMarked;
