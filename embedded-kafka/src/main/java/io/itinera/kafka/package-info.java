/** A real Kafka broker for tests and local runs, with or without Docker. */
@NullMarked
package io.itinera.kafka;

import org.jspecify.annotations.NullMarked;
