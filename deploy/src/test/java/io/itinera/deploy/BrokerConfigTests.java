package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The listeners join their groups with the consumer protocol, whose session and heartbeat the broker sets: the
 * cluster's broker and run-local.sh's must keep a dead member's partitions away for 6 s at most (issue 11's 10 s
 * recovery), not the broker's default 45 s.
 */
class BrokerConfigTests {

    private static final Map<String, String> CONSUMER_GROUP_SETTINGS = Map.of(
            "group.consumer.session.timeout.ms", "6000",
            "group.consumer.min.session.timeout.ms", "6000",
            "group.consumer.heartbeat.interval.ms", "1000",
            "group.consumer.min.heartbeat.interval.ms", "1000");

    @Test
    void everyServicesListenersUseTheConsumerGroupProtocol() {
        for (String service : Repository.SERVICES) {
            assertThat(ServiceConfig.of(service).get("spring.kafka.consumer.properties.group.protocol", "classic"))
                    .as(service)
                    .isEqualTo("consumer");
        }
    }

    @Test
    void theClustersBrokerGivesConsumerGroupsASixSecondSession() {
        Map<String, Object> config =
                Manifests.one("Kafka", "infrastructure/configs").map("spec.kafka.config");

        CONSUMER_GROUP_SETTINGS.forEach((key, value) ->
                assertThat(String.valueOf(config.get(key))).as(key).isEqualTo(value));
    }

    @Test
    void theLocalBrokerGivesConsumerGroupsTheClustersSession() {
        Properties local = localBrokerProperties();

        CONSUMER_GROUP_SETTINGS.forEach(
                (key, value) -> assertThat(local.getProperty(key)).as(key).isEqualTo(value));
    }

    /** The properties file standalone-broker.sh writes (a here-document between {@code PROPERTIES} markers). */
    private static Properties localBrokerProperties() {
        String script = Repository.read(Repository.path("embedded-kafka/standalone-broker.sh"));
        int start = script.indexOf('\n', script.indexOf("<<PROPERTIES")) + 1;
        int end = script.indexOf("\nPROPERTIES", start);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(script.substring(start, end)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
