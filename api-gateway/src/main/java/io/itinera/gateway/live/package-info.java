/** Live progress of trips and proposals as Server-Sent Events. */
@NullMarked
package io.itinera.gateway.live;

import org.jspecify.annotations.NullMarked;
