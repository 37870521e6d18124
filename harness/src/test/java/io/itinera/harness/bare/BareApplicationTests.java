package io.itinera.harness.bare;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.harness.mix.TripMix;
import io.itinera.kafka.KafkaTestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

class BareApplicationTests {

    @Test
    void acceptsATripBodyWith202LocationAndTheGatewaysShape() throws Exception {
        try (ConfigurableApplicationContext context = BareApplication.start(0)) {
            HttpResponse<String> response = post(context);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/api/v1/trips/"));
            assertThat(response.body()).contains("\"status\":\"PENDING\"");
            assertThat(context.getBeanProvider(AcknowledgedSend.class).getIfAvailable())
                    .isNull();
        }
    }

    @Test
    void theReferenceAnswersOnlyOnceTheBrokerHasTheRequest() throws Exception {
        // given the reference endpoint on a real broker
        String kafka = KafkaTestBroker.bootstrapServers();
        try (ConfigurableApplicationContext context = BareApplication.start(0, kafka)) {
            // when a trip is posted
            HttpResponse<String> response = post(context);

            // then the answer is the bare one, and its trip's body is in the topic under the answer's id
            assertThat(response.statusCode()).isEqualTo(202);
            String id = response.headers().firstValue("Location").orElseThrow().substring("/api/v1/trips/".length());
            ConsumerRecord<String, String> sent = firstRecord(kafka);
            assertThat(sent).isNotNull();
            assertThat(sent.key()).isEqualTo(id);
            assertThat(sent.value()).contains("\"destination\"");
        }
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/trips"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        new TripMix(1, LocalDate.now()).next().toJson()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The topic's first record: it was acknowledged before the answer, so one poll loop of a few seconds finds it. */
    private static @Nullable ConsumerRecord<String, String> firstRecord(String kafka) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bare-application-tests",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(AcknowledgedSend.TOPIC));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.isEmpty() ? null : records.get(0);
        }
    }
}
