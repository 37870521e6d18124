package io.itinera.harness.bare;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.harness.mix.TripMix;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class BareApplicationTests {

    @Test
    void acceptsATripBodyWith202LocationAndTheGatewaysShape() throws Exception {
        try (ConfigurableApplicationContext context = BareApplication.start(0)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/trips"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(new TripMix(1, LocalDate.now())
                                            .next()
                                            .toJson()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/api/v1/trips/"));
            assertThat(response.body()).contains("\"status\":\"PENDING\"");
        }
    }
}
