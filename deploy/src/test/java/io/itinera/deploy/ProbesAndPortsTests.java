package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Ports, probes and scraping in the manifests match each service's actuator configuration (its application.yml with
 * the environment the manifests give it), and the image exposes the same ports.
 */
class ProbesAndPortsTests {

    static final List<String> SERVICES = Repository.SERVICES;

    private static ServiceConfig config(String service) {
        return ServiceConfig.of(service, ManifestEnvironment.of(service));
    }

    private static String actuatorPath(ServiceConfig config, String endpoint) {
        return config.get("management.endpoints.web.base-path", "/actuator") + "/" + endpoint;
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void containerPortsAreTheServerAndManagementPorts(String service) {
        ServiceConfig config = config(service);
        Map<String, Object> container = ProbeTargets.container(Manifests.one("Deployment", "apps/" + service));

        assertThat(ProbeTargets.containerPort(container, "http"))
                .isEqualTo(Integer.parseInt(config.require("server.port")));
        assertThat(ProbeTargets.containerPort(container, "management"))
                .as("the actuator has its own port, so probes and metrics never share the public one")
                .isEqualTo(Integer.parseInt(config.require("management.server.port")));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void probesHitTheHealthGroupsOnTheManagementPort(String service) {
        ServiceConfig config = config(service);
        Map<String, Object> container = ProbeTargets.container(Manifests.one("Deployment", "apps/" + service));

        assertThat(config.get("management.endpoint.health.probes.enabled", "false"))
                .isEqualTo("true");
        assertThat(config.require("management.endpoints.web.exposure.include")).contains("health");
        Map<String, String> expected = Map.of(
                "startupProbe", actuatorPath(config, "health/liveness"),
                "livenessProbe", actuatorPath(config, "health/liveness"),
                "readinessProbe", actuatorPath(config, "health/readiness"));
        expected.forEach((probe, path) -> {
            assertThat(Yaml.at(container, probe + ".httpGet.path")).as(probe).isEqualTo(path);
            assertThat(Yaml.at(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        });
        assertThat(config.get("management.endpoint.health.group.readiness.include", ""))
                .as("readiness waits for Kafka")
                .contains("kafka");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceExposesBothContainerPortsByName(String service) {
        Manifest svc = Manifests.one("Service", "apps/" + service);
        Map<String, Object> container = ProbeTargets.container(Manifests.one("Deployment", "apps/" + service));

        assertThat(svc.name()).isEqualTo(service);
        for (String name : List.of("http", "management")) {
            Map<String, Object> port = svc.list("spec.ports").stream()
                    .filter(p -> name.equals(p.get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(svc + " has no port " + name));
            assertThat(port.get("targetPort")).isEqualTo(name);
            assertThat(port.get("port")).isEqualTo(ProbeTargets.containerPort(container, name));
        }
        assertThat(svc.map("spec.selector"))
                .isEqualTo(Manifests.one("Deployment", "apps/" + service).map("spec.selector.matchLabels"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceMonitorScrapesThePrometheusEndpointOnAPortOfItsService(String service) {
        ServiceConfig config = config(service);
        Manifest monitor = Manifests.one("ServiceMonitor", "apps/" + service);
        Manifest svc = Manifests.one("Service", "apps/" + service);
        List<Object> servicePorts =
                svc.list("spec.ports").stream().map(p -> p.get("name")).toList();

        assertThat(config.require("management.endpoints.web.exposure.include")).contains("prometheus");
        assertThat(monitor.map("spec.selector.matchLabels")).isEqualTo(svc.map("metadata.labels"));
        for (Map<String, Object> endpoint : monitor.list("spec.endpoints")) {
            assertThat(servicePorts).as("ServiceMonitor port of %s", service).contains(endpoint.get("port"));
            assertThat(endpoint.get("port")).isEqualTo("management");
            assertThat(endpoint.get("path")).isEqualTo(actuatorPath(config, "prometheus"));
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageExposesTheSamePorts(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, String> ports = ParentPom.moduleProperties(service);

        assertThat(ports)
                .containsEntry("image.port.http", config.require("server.port"))
                .containsEntry("image.port.management", config.require("management.server.port"));
    }
}
