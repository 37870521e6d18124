package io.itinera.enrichment.money;

import io.itinera.enrichment.provider.Provider;
import io.itinera.enrichment.provider.ProviderResult;
import java.net.URI;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/** Asks Frankfurter (ECB reference rates) for the latest rate between two currencies. */
final class FrankfurterClient {

    /** A rate and the business day the ECB published it for. */
    record Quote(double rate, LocalDate date) {}

    private final Provider provider;

    FrankfurterClient(Provider provider) {
        this.provider = provider;
    }

    boolean enabled() {
        return provider.enabled();
    }

    ProviderResult<Quote> latest(String from, String to) {
        URI uri = URI.create(provider.baseUrl().toString().replaceAll("/+$", "")
                + "/v1/latest?base=%s&symbols=%s".formatted(from, to));
        return provider.get(uri, body -> parse(body, from, to));
    }

    static Quote parse(JsonNode body, String from, String to) {
        if (!from.equals(body.required("base").stringValue())) {
            throw new IllegalArgumentException("the answer is for another base currency");
        }
        JsonNode rate = body.required("rates").required(to);
        if (!rate.isNumber() || rate.doubleValue() <= 0) {
            throw new IllegalArgumentException("the rate is not a positive number");
        }
        return new Quote(
                rate.doubleValue(), LocalDate.parse(body.required("date").stringValue()));
    }
}
