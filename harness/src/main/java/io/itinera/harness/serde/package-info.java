/** The {@code serde} mode: how fast the saga reads the workers' answers, with the real sizes of the trip mix. */
@NullMarked
package io.itinera.harness.serde;

import org.jspecify.annotations.NullMarked;
