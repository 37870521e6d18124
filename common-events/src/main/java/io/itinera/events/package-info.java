/** Event contracts shared by every Itinera service: topic names, headers and the common outcome types. */
@NullMarked
package io.itinera.events;

import org.jspecify.annotations.NullMarked;
