/** Errors as RFC 9457 problem details. */
@NullMarked
package io.itinera.gateway.problem;

import org.jspecify.annotations.NullMarked;
