/** Caps on what one client, and one replica, may hold open at a time: unfinished trips, live-event streams. */
@NullMarked
package io.itinera.gateway.limit;

import org.jspecify.annotations.NullMarked;
