/**
 * How the HTTP features reach the sagas: commands published to their topics, this replica's copies of the state topics
 * read back, idempotency keys. The HTTP-facing side of {@code saga}, which itself knows nothing of HTTP.
 */
@NullMarked
package io.itinera.gateway.state;

import org.jspecify.annotations.NullMarked;
