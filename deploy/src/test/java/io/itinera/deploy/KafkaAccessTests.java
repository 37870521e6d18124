package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service's KafkaUser grants exactly what its code uses: Write on the topics it owns, Read on the topics its
 * listeners and Streams topology consume, its consumer groups, and for Kafka Streams the internal topics and the
 * transactional ids under its application id. Describe goes with every topic and group.
 */
class KafkaAccessTests {

    static final List<String> SERVICES = Repository.SERVICES;

    /** One granted operation, the unit the comparison works on. */
    record Acl(String type, String name, String pattern, String operation) implements Comparable<Acl> {

        @Override
        public int compareTo(Acl other) {
            return toString().compareTo(other.toString());
        }
    }

    static Set<Acl> expected(KafkaUsage usage) {
        Set<Acl> acls = new TreeSet<>();
        Set<String> topics = new TreeSet<>(usage.writes());
        topics.addAll(usage.reads());
        for (String topic : topics) {
            acls.add(new Acl("topic", topic, "literal", "Describe"));
            if (usage.reads().contains(topic)) {
                acls.add(new Acl("topic", topic, "literal", "Read"));
            }
            if (usage.writes().contains(topic)) {
                acls.add(new Acl("topic", topic, "literal", "Write"));
            }
        }
        for (String group : usage.groups()) {
            acls.add(new Acl("group", group, "literal", "Read"));
            acls.add(new Acl("group", group, "literal", "Describe"));
        }
        String applicationId = usage.streamsApplicationId();
        if (applicationId != null) {
            for (String operation : List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write")) {
                acls.add(new Acl("topic", applicationId + "-", "prefix", operation));
            }
            if (usage.exactlyOnceStreams()) {
                acls.add(new Acl("transactionalId", applicationId, "prefix", "Write"));
                acls.add(new Acl("transactionalId", applicationId, "prefix", "Describe"));
            }
        }
        String transactionIdPrefix = usage.transactionIdPrefix();
        if (transactionIdPrefix != null) {
            acls.add(new Acl("transactionalId", transactionIdPrefix, "prefix", "Write"));
            acls.add(new Acl("transactionalId", transactionIdPrefix, "prefix", "Describe"));
        }
        return acls;
    }

    static Set<Acl> granted(Manifest user) {
        Set<Acl> acls = new TreeSet<>();
        for (Map<String, Object> acl : user.list("spec.authorization.acls")) {
            assertThat(acl.getOrDefault("host", "*"))
                    .as("host of an ACL of %s", user)
                    .isEqualTo("*");
            assertThat(acl).as("%s uses `operations` (Strimzi v1)", user).doesNotContainKey("operation");
            Map<String, Object> resource = Yaml.asMap(acl.get("resource"));
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) acl.get("operations");
            for (String operation : operations) {
                acls.add(new Acl(
                        String.valueOf(resource.get("type")),
                        String.valueOf(resource.get("name")),
                        String.valueOf(resource.getOrDefault("patternType", "literal")),
                        operation));
            }
        }
        return acls;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theServiceReadsSomethingAndOwnsSomething(String service) {
        KafkaUsage usage = KafkaUsage.of(service);

        assertThat(usage.reads())
                .as("topics %s consumes (found in its code)", service)
                .isNotEmpty();
        assertThat(usage.writes()).as("topics %s owns", service).isNotEmpty();
        assertThat(usage.groups()).as("consumer groups of %s", service).containsExactly(service);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void kafkaUserAuthenticatesWithScramAndIsAuthorizedByAcls(String service) {
        Manifest user = Manifests.one("KafkaUser", "apps/" + service);

        assertThat(user.name()).isEqualTo(service);
        assertThat(user.get("spec.authentication.type")).isEqualTo("scram-sha-512");
        assertThat(user.get("spec.authorization.type")).isEqualTo("simple");
        assertThat(Manifests.one("Kafka", "infrastructure/configs").get("spec.kafka.authorization.type"))
                .isEqualTo("simple");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void kafkaUserAclsCoverExactlyWhatTheServiceUses(String service) {
        Set<Acl> expected = expected(KafkaUsage.of(service));
        Set<Acl> granted = granted(Manifests.one("KafkaUser", "apps/" + service));

        Set<Acl> missing = new TreeSet<>(expected);
        missing.removeAll(granted);
        Set<Acl> extra = new TreeSet<>(granted);
        extra.removeAll(expected);
        assertThat(missing).as("ACLs %s needs but its KafkaUser lacks", service).isEmpty();
        assertThat(extra)
                .as("ACLs the KafkaUser of %s grants but its code does not use", service)
                .isEmpty();
    }
}
