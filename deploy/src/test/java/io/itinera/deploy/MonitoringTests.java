package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus finds the suite's rules and monitors, Grafana its dashboards, and every alert has a runbook. */
class MonitoringTests {

    private static String prometheusRelease() {
        return Manifests.named("HelmRelease", "kube-prometheus-stack").name();
    }

    @Test
    void monitorsAndRulesCarryTheReleaseLabelPrometheusSelects() {
        for (String kind : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule")) {
            for (Manifest manifest : Manifests.ofKind(kind)) {
                assertThat(manifest.map("metadata.labels"))
                        .as("%s", manifest)
                        .containsEntry("release", prometheusRelease());
            }
        }
        assertThat(Manifests.ofKind("ServiceMonitor")).hasSize(Repository.SERVICES.size());
    }

    @Test
    void everyAlertLinksARunbookThatExists() {
        List<Map<String, Object>> rules = Manifests.ofKind("PrometheusRule").stream()
                .flatMap(rule -> rule.list("spec.groups").stream())
                .flatMap(group -> Yaml.asMaps(group.get("rules")).stream())
                .filter(rule -> rule.containsKey("alert"))
                .toList();

        assertThat(rules).extracting(rule -> rule.get("alert")).isNotEmpty().doesNotHaveDuplicates();
        for (Map<String, Object> rule : rules) {
            String alert = String.valueOf(rule.get("alert"));
            Path runbook = Repository.path("docs/runbooks/" + alert + ".md");
            assertThat(runbook).as("runbook of %s", alert).isRegularFile();
            assertThat(String.valueOf(Yaml.at(rule, "annotations.runbook_url")))
                    .endsWith("/docs/runbooks/" + alert + ".md");
            assertThat(Yaml.at(rule, "labels.severity")).isIn("warning", "critical");
        }
    }

    @Test
    void dashboardsAreConfigMapsLabelledForGrafanasSidecar() {
        Map<String, Object> values =
                Manifests.named("HelmRelease", "kube-prometheus-stack").map("spec.values");
        Map<String, Object> sidecar = Yaml.asMap(Yaml.at(values, "grafana.sidecar.dashboards"));
        Map<String, Object> kustomization = Yaml.document(Repository.DEPLOY.resolve("monitoring/kustomization.yaml"));
        List<Map<String, Object>> generators = Yaml.asMaps(kustomization.get("configMapGenerator"));

        assertThat(generators).isNotEmpty().allSatisfy(generator -> {
            assertThat(Yaml.asMap(Yaml.at(generator, "options.labels")))
                    .containsEntry(String.valueOf(sidecar.get("label")), sidecar.get("labelValue"));
            @SuppressWarnings("unchecked")
            List<String> files = (List<String>) generator.get("files");
            files.forEach(
                    file -> assertThat(Repository.DEPLOY.resolve("monitoring").resolve(file))
                            .isRegularFile());
        });
        assertThat(sidecar.get("searchNamespace")).isEqualTo("ALL");
    }
}
