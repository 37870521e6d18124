package io.itinera.enrichment.money;

import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.ExchangeRate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An indicative rate from the destination's currency to the traveller's: the live ECB reference rate from Frankfurter
 * when that provider is on and answers, otherwise the shipped table with its date, saying which was used and why.
 */
@Component
public class ExchangeRates {

    public static final String PART = "exchange-rate";
    public static final String OFFLINE = "ecb-offline";

    /** The rate, if there is one, and where it came from. */
    public record Quote(@Nullable ExchangeRate rate, ContextSource source) {}

    private final FrankfurterClient frankfurter;
    private final OfflineRates offline;

    public ExchangeRates(Providers providers, OfflineRates offline) {
        this.frankfurter = new FrankfurterClient(providers.frankfurter());
        this.offline = offline;
    }

    /** Empty when the trip names no currency of its own. */
    public Optional<Quote> quote(String localCurrency, @Nullable String travellerCurrency) {
        if (travellerCurrency == null || travellerCurrency.isBlank()) {
            return Optional.empty();
        }
        String from = localCurrency.toUpperCase(Locale.ROOT);
        String to = travellerCurrency.strip().toUpperCase(Locale.ROOT);
        if (!offline.covers(from) || !offline.covers(to)) {
            String missing = offline.covers(from) ? to : from;
            return Optional.of(new Quote(
                    null, new ContextSource(PART, "none", false, missing + " has no ECB reference rate", null)));
        }
        String failure = null;
        if (frankfurter.enabled() && !from.equals(to)) {
            ProviderResult<FrankfurterClient.Quote> live = frankfurter.latest(from, to);
            FrankfurterClient.Quote quote = live.value();
            if (quote != null) {
                return Optional.of(new Quote(
                        new ExchangeRate(from, to, quote.rate(), quote.date(), Providers.FRANKFURTER, live.fetchedAt()),
                        new ContextSource(PART, Providers.FRANKFURTER, false, null, live.fetchedAt())));
            }
            failure = live.failure();
        }
        double rate = offline.rate(from, to).orElseThrow();
        return Optional.of(new Quote(
                new ExchangeRate(from, to, round(rate), offline.date(), OFFLINE, null),
                new ContextSource(PART, OFFLINE, failure != null, failure, null)));
    }

    private static double round(double rate) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", rate));
    }
}
