package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every topic of {@link Topics#all()} is a KafkaTopic next to its writer, with the same shape, and nothing else is. */
class KafkaTopicsTests {

    private static Map<String, Manifest> kafkaTopics() {
        return Manifests.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(
                        m -> String.valueOf(m.get("spec.topicName") == null ? m.name() : m.get("spec.topicName")),
                        m -> m));
    }

    @Test
    void everyTopicOfTheCodeIsAKafkaTopicInItsWritersFolder() {
        Map<String, Manifest> topics = kafkaTopics();
        for (TopicSpec spec : Topics.all()) {
            assertThat(topics).as("KafkaTopic for %s", spec.name()).containsKey(spec.name());
            assertThat(topics.get(spec.name()).file())
                    .as("%s lives with its writer %s", spec.name(), spec.owner())
                    .isEqualTo(Manifests.appFolder(spec.owner()).resolve("topics.yaml"));
        }
    }

    @Test
    void everyKafkaTopicIsATopicOfTheCode() {
        assertThat(kafkaTopics().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.all().stream().map(TopicSpec::name).toList());
    }

    @Test
    void kafkaTopicsHaveThePartitionsCompactionAndRetentionOfTheCode() {
        Map<String, Manifest> topics = kafkaTopics();
        int brokers = ((Number)
                        Manifests.one("KafkaNodePool", "infrastructure/configs").get("spec.replicas"))
                .intValue();
        for (TopicSpec spec : Topics.all()) {
            Manifest topic = topics.get(spec.name());
            assertThat(((Number) topic.get("spec.partitions")).intValue())
                    .as("partitions of %s", spec.name())
                    .isEqualTo(spec.partitions());
            assertThat(((Number) topic.get("spec.replicas")).intValue())
                    .as("replicas of %s", spec.name())
                    .isBetween(1, brokers);
            Map<String, Object> config = topic.map("spec.config");
            assertThat(config.get("cleanup.policy"))
                    .as("cleanup.policy of %s", spec.name())
                    .isEqualTo(spec.compacted() ? "compact" : "delete");
            if (!spec.compacted()) {
                assertThat(((Number) config.get("retention.ms")).longValue())
                        .as("retention.ms of %s", spec.name())
                        .isEqualTo(spec.retention().toMillis());
            }
        }
    }

    @Test
    void topicsAndUsersBelongToTheKafkaClusterInTheirNamespace() {
        Manifest kafka = Manifests.one("Kafka", "infrastructure/configs");
        String namespace = kafka.string("metadata.namespace");
        for (String kind : new String[] {"KafkaTopic", "KafkaUser", "KafkaNodePool"}) {
            for (Manifest manifest : Manifests.ofKind(kind)) {
                assertThat(manifest.map("metadata.labels"))
                        .as("%s", manifest)
                        .containsEntry("strimzi.io/cluster", kafka.name());
            }
        }
        for (String service : Repository.SERVICES) {
            Map<String, Object> kustomization =
                    Yaml.document(Manifests.appFolder(service).resolve("kustomization.yaml"));
            assertThat(kustomization.get("namespace"))
                    .as("the namespace of %s, where the Entity Operator watches its topics and user", service)
                    .isEqualTo(namespace);
        }
        assertThat(Yaml.at(
                        Manifests.named("HelmRelease", "strimzi-kafka-operator").content(),
                        "spec.values.watchNamespaces"))
                .asList()
                .containsExactly(namespace);
    }
}
