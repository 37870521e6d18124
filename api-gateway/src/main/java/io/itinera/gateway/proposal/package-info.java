/** The public proposal API: a loose travel brief in, ranked destinations out. */
@NullMarked
package io.itinera.gateway.proposal;

import org.jspecify.annotations.NullMarked;
