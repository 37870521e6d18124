/** Strict input: how request bodies are read (no coercion, no duplicate keys, bounded) and what text may contain. */
@NullMarked
package io.itinera.gateway.input;

import org.jspecify.annotations.NullMarked;
