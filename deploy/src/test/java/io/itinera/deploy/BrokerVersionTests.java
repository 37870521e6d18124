package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** run-local.sh's broker runs the Kafka version of the cluster's, so a broker fault seen locally is the cluster's too. */
class BrokerVersionTests {

    @Test
    void theLocalBrokerRunsTheClustersKafkaVersion() {
        Object clusterVersion = Manifests.one("Kafka", "infrastructure/configs").get("spec.kafka.version");

        assertThat(ParentPom.moduleProperties("local-broker"))
                .containsEntry("broker.kafka.version", String.valueOf(clusterVersion));
    }

    @Test
    void theClustersMetadataVersionBelongsToItsKafkaVersion() {
        Manifest kafka = Manifests.one("Kafka", "infrastructure/configs");
        String version = String.valueOf(kafka.get("spec.kafka.version"));
        String minor = version.substring(0, version.lastIndexOf('.'));

        assertThat(String.valueOf(kafka.get("spec.kafka.metadataVersion"))).startsWith(minor + "-IV");
    }
}
