/** The orienteering search engine: ruin-and-recreate local search over tours, without Spring or domain types. */
@NullMarked
package io.itinera.generation.search;

import org.jspecify.annotations.NullMarked;
