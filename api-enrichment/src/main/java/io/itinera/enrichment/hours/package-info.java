/** Opening hours in OpenStreetMap syntax, parsed once and evaluated into concrete windows per date. */
@NullMarked
package io.itinera.enrichment.hours;

import org.jspecify.annotations.NullMarked;
