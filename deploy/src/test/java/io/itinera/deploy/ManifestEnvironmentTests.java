package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Every environment variable a manifest sets for a service is read by the application: bound by Spring Boot's relaxed
 * binding to one of its configuration properties, or (JAVA_TOOL_OPTIONS) accepted by the JVM. And the Kafka settings
 * reach every kind of client the service creates.
 */
class ManifestEnvironmentTests {

    static final List<String> SERVICES = Repository.SERVICES;

    /** Read by the JVM itself, not by Spring. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableBindsToAConfigurationPropertyOfTheService(String service) {
        Map<String, String> environment = ManifestEnvironment.of(service);

        assertThat(environment).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_ADMIN_AUTO_CREATE");
        Map<String, String> unbound = new TreeMap<>();
        environment.forEach((variable, value) -> {
            Optional<String> property = EnvironmentBinding.propertyOf(variable, value, KafkaUsage.basePackage(service));
            if (!variable.equals(JVM_OPTIONS) && property.isEmpty()) {
                unbound.put(variable, value);
            }
        });
        assertThat(unbound)
                .as("variables set for %s that bind to no configuration property of the application", service)
                .isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachPodIsAKafkaInstanceNamedAfterItself(String service) {
        // static group membership and transactional ids: a restarted container takes its predecessor's place at once
        assertThat(ManifestEnvironment.of(service)).containsEntry("ITINERA_KAFKA_INSTANCE_ID", "field:metadata.name");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void kafkaSettingsReachEveryKindOfClient(String service) {
        Map<String, String> environment = ManifestEnvironment.of(service);
        KafkaProperties kafka = ServiceConfig.of(service, environment)
                .binder()
                .bind("spring.kafka", KafkaProperties.class)
                .orElseThrow(() -> new AssertionError("no spring.kafka settings for " + service));

        assertThat(kafka.getAdmin().isAutoCreate())
                .as("Strimzi owns the topics")
                .isFalse();
        List<Map<String, Object>> clients = List.of(
                kafka.buildConsumerProperties(),
                kafka.buildProducerProperties(),
                kafka.buildAdminProperties(),
                kafka.buildStreamsProperties());
        for (Map<String, Object> client : clients) {
            assertThat(client)
                    .containsEntry("bootstrap.servers", List.of(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")))
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "secret:" + service + "/sasl.jaas.config")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsKey("ssl.truststore.location");
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void kafkaCredentialsComeFromTheSecretOfTheServicesKafkaUser(String service) {
        Map<String, String> environment = ManifestEnvironment.of(service);
        Manifest user = Manifests.one("KafkaUser", "apps/" + service);
        Manifest deployment = Manifests.one("Deployment", "apps/" + service);

        assertThat(environment)
                .containsEntry(
                        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret:" + user.name() + "/sasl.jaas.config");
        String truststore = environment.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");
        Map<String, Object> container = ProbeTargets.container(deployment);
        Map<String, Object> mount = Yaml.asMaps(container.get("volumeMounts")).stream()
                .filter(m -> truststore.startsWith("file:" + m.get("mountPath") + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + truststore));
        Map<String, Object> volume = deployment.list("spec.template.spec.volumes").stream()
                .filter(v -> v.get("name").equals(mount.get("name")))
                .findFirst()
                .orElseThrow();
        String kafka = Manifests.one("Kafka", "infrastructure/configs").name();
        assertThat(Yaml.at(volume, "secret.secretName"))
                .as("Strimzi's cluster CA certificate")
                .isEqualTo(kafka + "-cluster-ca-cert");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableComposeSetsBindsToo(String service) {
        Map<String, Object> compose = Yaml.document(Repository.path("compose.yaml"));
        Map<String, Object> environment = Yaml.asMap(Yaml.at(compose, "services." + service + ".environment"));

        assertThat(environment).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        environment.forEach((variable, value) -> {
            if (!variable.equals(JVM_OPTIONS)) {
                assertThat(EnvironmentBinding.propertyOf(
                                variable, String.valueOf(value), KafkaUsage.basePackage(service)))
                        .as("%s set for %s in compose.yaml", variable, service)
                        .isPresent();
            }
        });
    }

    /** The variables docs/observability.md tells operators to set to export traces over OTLP. */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void documentedTracingVariablesBind(String service) {
        Map<String, String> tracing = Map.of(
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        "http://otel-collector.monitoring:4318/v1/traces",
                "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        String documentation = Repository.read(Repository.path("docs/observability.md"));

        tracing.forEach((variable, value) -> {
            assertThat(documentation).contains(variable);
            assertThat(EnvironmentBinding.propertyOf(variable, value, KafkaUsage.basePackage(service)))
                    .as("%s for %s", variable, service)
                    .isPresent();
        });
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void jvmAcceptsTheJavaToolOptions(String service) throws IOException, InterruptedException {
        String options = ManifestEnvironment.of(service).get(JVM_OPTIONS);
        if (options == null) {
            return;
        }
        ProcessBuilder java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true);
        java.environment().put(JVM_OPTIONS, options);
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Picked up " + JVM_OPTIONS + ": " + options);
    }
}
