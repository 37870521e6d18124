package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTests {

    @Test
    void theRollingRestartGoesThroughEveryProcessTheSuiteRuns() {
        assertThat(Scenario.ROLLING_RESTART.steps(SuiteControl.processes(2)))
                .extracting(Scenario.Step::process)
                .containsExactly(
                        "api-enrichment",
                        "api-enrichment-2",
                        "api-generation",
                        "api-generation-2",
                        "api-gateway-2",
                        "api-gateway");
        assertThat(Scenario.ROLLING_RESTART.steps(SuiteControl.processes(1)))
                .extracting(Scenario.Step::process)
                .containsExactly("api-enrichment", "api-generation", "api-gateway-2", "api-gateway");
    }

    @Test
    void aSecondReplicaIsWatchedInItsServicesGroup() {
        assertThat(new Scenario.Step("api-generation-2", false).groups()).containsExactly("api-generation");
        assertThat(new Scenario.Step("api-gateway-2", true).groups()).containsExactly("api-gateway");
        assertThat(new Scenario.Step("api-enrichment", true).groups()).containsExactly("api-enrichment");
        assertThat(new Scenario.Step("kafka", true).groups())
                .containsExactly("api-enrichment", "api-generation", "api-gateway");
    }

    @Test
    void aWorkerKillStrikesItsFirstReplicaInEitherLayout() {
        assertThat(Scenario.KILL_GENERATION.steps(SuiteControl.processes(2)))
                .containsExactly(new Scenario.Step("api-generation", true));
        assertThat(Scenario.KILL_ENRICHMENT.steps(SuiteControl.processes(1)))
                .containsExactly(new Scenario.Step("api-enrichment", true));
    }

    @Test
    void aReplacedGatewayReplicaLosesItsStateDirectoryAndNothingElse(@TempDir Path suite) throws Exception {
        assertThat(Scenario.REPLACE_GATEWAY.steps(SuiteControl.processes(1)))
                .containsExactly(new Scenario.Step("api-gateway-2", true, true));
        Path replica = Files.createDirectories(suite.resolve("target/local/state/api-gateway-2/api-gateway/0_1"));
        Files.writeString(replica.resolve("CURRENT"), "MANIFEST-000001");
        Files.writeString(suite.resolve("target/local/state/api-gateway-2/kafka-streams-process-metadata"), "{}");
        Path other = Files.createDirectories(suite.resolve("target/local/state/api-gateway-3"));

        new SuiteControl(suite, 1).deleteStateDirectory("api-gateway-2");

        assertThat(suite.resolve("target/local/state/api-gateway-2")).doesNotExist();
        assertThat(other).isDirectory();
        assertThatThrownBy(() -> new SuiteControl(suite, 1).deleteStateDirectory("api-gateway"))
                .isInstanceOf(IllegalStateException.class);
    }
}
