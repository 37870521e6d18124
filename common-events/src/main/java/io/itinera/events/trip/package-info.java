/** The traveller's trip request and the gateway-owned trip lifecycle: commands and state snapshots. */
@NullMarked
package io.itinera.events.trip;

import org.jspecify.annotations.NullMarked;
