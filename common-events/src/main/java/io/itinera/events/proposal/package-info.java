/** Proposal stage: a loose travel brief in, ranked destination proposals out. */
@NullMarked
package io.itinera.events.proposal;

import org.jspecify.annotations.NullMarked;
