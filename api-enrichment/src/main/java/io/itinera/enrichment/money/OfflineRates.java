package io.itinera.enrichment.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped table of ECB euro reference rates ({@code money/ecb-reference-rates.json}) and the date it is for. */
public final class OfflineRates {

    static final String RESOURCE = "/money/ecb-reference-rates.json";
    static final String EURO = "EUR";

    private final LocalDate date;
    private final Map<String, Double> perEuro;

    OfflineRates(LocalDate date, Map<String, Double> perEuro) {
        this.date = date;
        Map<String, Double> rates = new TreeMap<>(perEuro);
        rates.put(EURO, 1.0);
        this.perEuro = Map.copyOf(rates);
    }

    public static OfflineRates shipped() {
        try (InputStream in = OfflineRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Double> rates = new TreeMap<>();
            root.required("rates").properties().forEach(rate -> {
                if (!rate.getValue().isNumber() || rate.getValue().doubleValue() <= 0) {
                    throw new IllegalStateException(RESOURCE + ": the rate of " + rate.getKey() + " is not positive");
                }
                rates.put(rate.getKey(), rate.getValue().doubleValue());
            });
            return new OfflineRates(LocalDate.parse(root.required("date").stringValue()), rates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalDate date() {
        return date;
    }

    /** Whether the ECB publishes a reference rate for a currency (the euro included). */
    public boolean covers(String currency) {
        return perEuro.containsKey(currency);
    }

    /** How many {@code to} one {@code from} buys, crossed through the euro. */
    public Optional<Double> rate(String from, String to) {
        Double fromPerEuro = perEuro.get(from);
        Double toPerEuro = perEuro.get(to);
        return fromPerEuro == null || toPerEuro == null ? Optional.empty() : Optional.of(toPerEuro / fromPerEuro);
    }
}
