package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster reconciles in order (infrastructure, then apps, then monitoring), every path Flux or kustomize is
 * pointed at exists, and no Secret is committed in plain text.
 */
class FluxTests {

    private static final String FLUX_KUSTOMIZATION = "kustomize.toolkit.fluxcd.io/v1";

    private static Manifest flux(String name) {
        return Manifests.ofKind("Kustomization").stream()
                .filter(m ->
                        m.apiVersion().equals(FLUX_KUSTOMIZATION) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Flux Kustomization " + name));
    }

    private static List<Object> dependsOn(String name) {
        return flux(name).list("spec.dependsOn").stream()
                .map(d -> d.get("name"))
                .toList();
    }

    @Test
    void infrastructureThenAppsThenMonitoring() {
        assertThat(dependsOn("infra-controllers")).isEmpty();
        assertThat(dependsOn("infra-configs")).containsExactly("infra-controllers");
        assertThat(dependsOn("apps")).containsExactlyInAnyOrder("infra-configs", "secrets");
        assertThat(dependsOn("monitoring")).containsExactly("apps");
        assertThat(dependsOn("secrets"))
                .as("Grafana in infra-controllers waits for its Secret")
                .isEmpty();
        for (String waits : List.of("infra-controllers", "monitoring")) {
            assertThat(flux(waits).get("spec.wait"))
                    .as("%s waits for its resources to be ready", waits)
                    .isEqualTo(true);
        }
        assertThat(flux("infra-configs").list("spec.healthChecks"))
                .extracting(check -> check.get("kind"))
                .containsExactly("Kafka");
    }

    /** A first rollout must not hang on Let's Encrypt: nothing waits for an ACME account or a certificate. */
    @Test
    void appsAreReadyWithTheirDeploymentsNotTheirCertificate() {
        Manifest apps = flux("apps");
        assertThat(apps.get("spec.wait"))
                .as("wait: true would wait for the Certificate too")
                .isEqualTo(false);
        List<String> deployments = Manifests.ofKind("Deployment").stream()
                .filter(deployment -> deployment.folder().startsWith("apps/"))
                .map(Manifest::name)
                .toList();
        assertThat(apps.list("spec.healthChecks"))
                .allSatisfy(check ->
                        assertThat(check).containsEntry("kind", "Deployment").containsEntry("namespace", "itinera"))
                .extracting(check -> check.get("name"))
                .containsExactlyInAnyOrderElementsOf(deployments);
        for (String name : List.of("infra-controllers", "infra-configs", "apps", "monitoring")) {
            assertThat(flux(name).list("spec.healthChecks"))
                    .extracting(check -> check.get("kind"))
                    .as("%s", name)
                    .doesNotContain("Certificate", "ClusterIssuer");
        }
    }

    /** Every Kustomization's result reaches GitHub; the Provider's token is one of the SOPS Secrets preflight knows. */
    @Test
    void everyReconciliationIsReportedAsACommitStatus() {
        Manifest alert = Manifests.named("Alert", "github-status");
        Manifest provider = Manifests.named("Provider", alert.string("spec.providerRef.name"));
        assertThat(provider.string("spec.type")).isEqualTo("github");
        assertThat(alert.list("spec.eventSources")).containsExactly(Map.of("kind", "Kustomization", "name", "*"));
        assertThat(alert.string("spec.eventSeverity")).isEqualTo("info");
        assertThat(Repository.read(Repository.DEPLOY.resolve("README.md")))
                .contains("secrets/vps/" + provider.string("spec.secretRef.name") + ".sops.yaml");
    }

    @Test
    void secretsAreDecryptedWithSops() {
        assertThat(flux("secrets").map("spec.decryption"))
                .containsEntry("provider", "sops")
                .containsEntry("secretRef", Map.of("name", "sops-age"));
        Map<String, Object> sops = Yaml.document(Repository.DEPLOY.resolve(".sops.yaml"));
        assertThat(Yaml.asMaps(sops.get("creation_rules")))
                .allSatisfy(rule -> assertThat(rule).containsEntry("encrypted_regex", "^(data|stringData)$"));
    }

    @Test
    void everyFluxPathIsAKustomizationInTheRepository() {
        for (Manifest kustomization : Manifests.ofKind("Kustomization")) {
            if (kustomization.apiVersion().equals(FLUX_KUSTOMIZATION)) {
                Path path = Repository.ROOT.resolve(kustomization.string("spec.path"));
                assertThat(path.resolve("kustomization.yaml"))
                        .as("%s", kustomization)
                        .isRegularFile();
                assertThat(kustomization.get("spec.sourceRef.name")).isEqualTo("flux-system");
                assertThat(kustomization.get("spec.prune")).isEqualTo(true);
            }
        }
    }

    @Test
    void everyKustomizeResourceExists() {
        for (Path file : Repository.yamlFiles(Repository.DEPLOY)) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            Map<String, Object> kustomization = Yaml.document(file);
            for (String key : List.of("resources", "components")) {
                Object entries = kustomization.get(key);
                if (entries instanceof List<?> list) {
                    for (Object entry : list) {
                        assertThat(Files.exists(file.getParent().resolve(String.valueOf(entry))))
                                .as("%s in %s", entry, file)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void noSecretIsCommittedInPlainText() {
        for (Manifest secret : Manifests.ofKind("Secret")) {
            assertThat(secret.content()).as("%s must be SOPS-encrypted", secret).containsKey("sops");
            assertThat(secret.file()).as("%s", secret).startsWith(Repository.DEPLOY.resolve("secrets"));
        }
    }
}
