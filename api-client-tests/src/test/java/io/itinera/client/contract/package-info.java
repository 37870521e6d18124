/** The API contract exercised through a client generated from it. */
@NullMarked
package io.itinera.client.contract;

import org.jspecify.annotations.NullMarked;
