/** Destination proposals: rank the catalog's destinations for a loose travel brief, from Kafka. */
@NullMarked
package io.itinera.generation.proposal;

import org.jspecify.annotations.NullMarked;
