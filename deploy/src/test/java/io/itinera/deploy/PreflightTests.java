package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/preflight.sh refuses the placeholders a first rollout would hang on (example.org host and ACME e-mail, the
 * placeholder age recipient, missing Secrets) and accepts a completed configuration.
 */
class PreflightTests {

    private static final Path SETTINGS = Path.of("clusters/vps/cluster-settings.yaml");

    private record Run(int exitCode, String output) {}

    private static Run preflight(Path deployDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "bash", Repository.DEPLOY.resolve("preflight.sh").toString(), deployDir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void refusesTheRepositorysPlaceholders() throws Exception {
        Run run = preflight(Repository.DEPLOY);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("gateway_host 'api.example.org' is the placeholder")
                .contains("acme_email 'ops@example.org' is the placeholder")
                .contains(".sops.yaml still has the placeholder age recipient")
                .contains("nothing was deployed");
    }

    @Test
    void acceptsACompletedConfigurationAndRefusesEachPlaceholderAlone(@TempDir Path deploy) throws Exception {
        write(
                deploy.resolve(SETTINGS),
                Repository.read(Repository.DEPLOY.resolve(SETTINGS))
                        .replace("api.example.org", "api.trips.itinera.dev")
                        .replace("ops@example.org", "ops@itinera.dev"));
        write(deploy.resolve(".sops.yaml"), "creation_rules:\n  - age: age1" + "q".repeat(58) + "\n");
        write(
                deploy.resolve("secrets/vps/kustomization.yaml"),
                "resources:\n  - api-gateway-api-keys.sops.yaml\n  - grafana-admin.sops.yaml\n"
                        + "  - alertmanager-config.sops.yaml\n");
        for (String secret : new String[] {"api-gateway-api-keys", "grafana-admin", "alertmanager-config"}) {
            write(deploy.resolve("secrets/vps/" + secret + ".sops.yaml"), "kind: Secret\nsops:\n  age: []\n");
        }
        Run ready = preflight(deploy);
        assertThat(ready.exitCode()).as(ready.output()).isZero();
        assertThat(ready.output()).contains("ready (api.trips.itinera.dev, ACME account ops@itinera.dev");

        String completed = Repository.read(deploy.resolve(SETTINGS));
        write(deploy.resolve(SETTINGS), completed.replace("ops@itinera.dev", "me@mail.example.com"));
        assertThat(preflight(deploy).output()).contains("acme_email 'me@mail.example.com' is the placeholder");
        write(deploy.resolve(SETTINGS), completed.replace("letsencrypt-staging", "letsencrypt"));
        assertThat(preflight(deploy).exitCode()).isEqualTo(1);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
