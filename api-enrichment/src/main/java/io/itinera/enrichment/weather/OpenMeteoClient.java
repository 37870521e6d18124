package io.itinera.enrichment.weather;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.provider.Provider;
import io.itinera.enrichment.provider.ProviderResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Asks Open-Meteo's forecast API for the daily forecast at a destination over a span of dates. */
final class OpenMeteoClient {

    static final String DAILY =
            "weather_code,temperature_2m_min,temperature_2m_max,precipitation_sum,precipitation_probability_max";

    private final Provider provider;

    OpenMeteoClient(Provider provider) {
        this.provider = provider;
    }

    boolean enabled() {
        return provider.enabled();
    }

    ProviderResult<Map<LocalDate, DayForecast>> daily(CatalogDestination destination, LocalDate first, LocalDate last) {
        URI uri = URI.create(provider.baseUrl().toString().replaceAll("/+$", "")
                + "/v1/forecast?latitude=%s&longitude=%s&daily=%s&timezone=%s&start_date=%s&end_date=%s"
                        .formatted(
                                String.format(
                                        Locale.ROOT,
                                        "%.4f",
                                        destination.centre().lat()),
                                String.format(
                                        Locale.ROOT,
                                        "%.4f",
                                        destination.centre().lon()),
                                DAILY,
                                URLEncoder.encode(destination.timeZone().getId(), StandardCharsets.UTF_8),
                                first,
                                last));
        return provider.get(uri, OpenMeteoClient::parse);
    }

    static Map<LocalDate, DayForecast> parse(JsonNode body) {
        JsonNode daily = body.required("daily");
        JsonNode dates = daily.required("time");
        if (!dates.isArray() || dates.isEmpty()) {
            throw new IllegalArgumentException("no daily dates");
        }
        Map<LocalDate, DayForecast> days = new LinkedHashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            days.put(
                    LocalDate.parse(dates.get(i).stringValue()),
                    new DayForecast(
                            number(daily, "temperature_2m_min", i),
                            number(daily, "temperature_2m_max", i),
                            number(daily, "precipitation_sum", i),
                            whole(daily, "precipitation_probability_max", i),
                            whole(daily, "weather_code", i)));
        }
        return days;
    }

    private static @Nullable Double number(JsonNode daily, String field, int index) {
        JsonNode values = daily.get(field);
        if (values == null || values.isNull()) {
            return null;
        }
        JsonNode value = values.required(index);
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return value.doubleValue();
    }

    private static @Nullable Integer whole(JsonNode daily, String field, int index) {
        Double value = number(daily, field, index);
        return value == null ? null : (int) Math.round(value);
    }
}
