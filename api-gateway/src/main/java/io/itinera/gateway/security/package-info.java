/** API-key authentication of clients. */
@NullMarked
package io.itinera.gateway.security;

import org.jspecify.annotations.NullMarked;
