package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
