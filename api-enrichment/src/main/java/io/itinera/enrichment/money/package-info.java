/** An indicative exchange rate to the traveller's currency: ECB reference rates, live (Frankfurter) or shipped. */
@NullMarked
package io.itinera.enrichment.money;

import org.jspecify.annotations.NullMarked;
