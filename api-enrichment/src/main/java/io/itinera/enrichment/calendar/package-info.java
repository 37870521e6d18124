/** What the calendar and the sky say about a trip day: public holidays (jollyday) and daylight (commons-suncalc). */
@NullMarked
package io.itinera.enrichment.calendar;

import org.jspecify.annotations.NullMarked;
