/** Weather per trip day: a live Open-Meteo forecast within its horizon, otherwise monthly climate normals. */
@NullMarked
package io.itinera.enrichment.weather;

import org.jspecify.annotations.NullMarked;
