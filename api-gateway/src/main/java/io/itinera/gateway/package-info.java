/** Itinera's API gateway. */
@NullMarked
package io.itinera.gateway;

import org.jspecify.annotations.NullMarked;
