package io.itinera.events.enrichment;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An indicative exchange rate from the destination's currency to the traveller's: one {@code from} buys {@code rate}
 * {@code to}.
 *
 * @param from ISO 4217 code of the destination's currency
 * @param to ISO 4217 code of the traveller's currency
 * @param asOf the business day the reference rate was published for
 * @param source {@code frankfurter} for the live ECB reference rates, {@code ecb-offline} for the shipped table
 * @param fetchedAt when the live rate was fetched; absent for offline data
 */
public record ExchangeRate(
        String from,
        String to,
        double rate,
        LocalDate asOf,
        String source,
        @Nullable Instant fetchedAt) {}
