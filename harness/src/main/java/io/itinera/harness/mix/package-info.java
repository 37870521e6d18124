/** The seeded trip mix every mode of the harness uses. */
@NullMarked
package io.itinera.harness.mix;

import org.jspecify.annotations.NullMarked;
