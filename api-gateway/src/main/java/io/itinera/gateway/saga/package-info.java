/** The trip saga: a Kafka Streams fold of every trip event into a snapshot, and the hand-off between stages. */
@NullMarked
package io.itinera.gateway.saga;

import org.jspecify.annotations.NullMarked;
