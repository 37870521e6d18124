package io.itinera.generation;

import io.itinera.events.EventHeaders;
import io.itinera.events.TopicNames;
import io.itinera.kafka.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the integration tests, against a real broker; every test class extends this so that
 * Spring's test context cache starts the service only once.
 */
// The search's wall-clock safety net (250 ms) cut it short on a loaded machine before its first progress report; a
// generous one lets the step budget alone end it, so that the reports the tests expect do not depend on CPU speed.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "generation.search.time-limit=60s"})
public abstract class KafkaIntegrationTest {

    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void kafkaBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    }

    /** The W3C trace context every request of {@link #sendRequest} carries, as the saga's records do. */
    protected static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    protected static String newTripId() {
        return "trip-" + UUID.randomUUID();
    }

    /** Sends a value to the generation request topic as the gateway would, with request id and trace headers. */
    protected void sendRequest(String tripId, Object value, String requestId) throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(TopicNames.GENERATION_REQUEST, tripId, value);
        record.headers().add(EventHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        // in a transaction, as the saga sends: the service's own template is transactional (exactly-once)
        kafka.executeInTransaction(operations -> operations.send(record)).get();
    }

    protected static String bootstrapServers() {
        return KafkaTestBroker.bootstrapServers();
    }
}
