package io.itinera.gateway.pipeline;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.WorkerProcesses;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every live provider enabled and unreachable: the trip still reaches READY on offline data, and its context says
 * which fallbacks stood in.
 */
class ProviderOutageIntegrationTests extends GatewayIntegrationTest {

    /** Nothing listens on port 1 of the loopback interface: every call fails fast. */
    static final String DEAD = "http://127.0.0.1:1";

    @BeforeAll
    static void startWorkersWithDeadProviders() {
        WorkerProcesses.start(List.of(
                "--enrichment.providers.open-meteo.enabled=true",
                "--enrichment.providers.open-meteo.base-url=" + DEAD,
                "--enrichment.providers.frankfurter.enabled=true",
                "--enrichment.providers.frankfurter.base-url=" + DEAD,
                "--enrichment.providers.overpass.enabled=true",
                "--enrichment.providers.overpass.base-url=" + DEAD));
    }

    @Test
    void tripIsReadyOnOfflineDataAndSaysWhichFallbacksWereUsed() {
        LocalDate start = LocalDate.now().plusDays(3);
        String id = TripClient.post(web, KEY_A, """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,"currency":"USD",
                 "interests":["culture","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(1)));

        JsonNode trip = TripClient.awaitTerminal(web, KEY_A, id, Duration.ofSeconds(60));

        assertThat(trip.get("status").asString()).isEqualTo("READY");
        JsonNode sources = trip.get("context").get("sources");
        assertThat(sources.valueStream()
                        .filter(source -> source.get("fallback").asBoolean())
                        .map(source -> source.get("part").asString()))
                .contains("weather", "exchange-rate");
        assertThat(trip.get("context").get("days").get(0).has("sunrise")).isTrue();
    }
}
