package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The suite fits the VPS deploy/README.md names: the requests at HPA minimum stay within the node's allocatable, and
 * the README states what HPA maximum needs (figures computed here, so they cannot go stale).
 */
class FitTests {

    private static final NodeCapacity NODE = NodeCapacity.load();

    @Test
    void requestsAtHpaMinimumFitTheNodesAllocatable() {
        Footprint minimum = Footprint.withAppsAt("minReplicas");
        Resources total = minimum.total();
        System.out.println(minimum.report(entry -> "  " + entry.resources() + "  " + entry.what()));
        System.out.printf(
                "%s: allocatable %dm CPU / %d MiB; at HPA minimum %s%n",
                NODE.name(), NODE.allocatableCpu(), Resources.mebibytes(NODE.allocatableMemory()), total);

        assertThat(total.cpuRequest()).as("CPU requests at HPA minimum (m)").isLessThanOrEqualTo(NODE.allocatableCpu());
        assertThat(total.memoryRequest())
                .as("memory requests at HPA minimum (MiB %d)", Resources.mebibytes(total.memoryRequest()))
                .isLessThanOrEqualTo(NODE.allocatableMemory());
    }

    @Test
    void readmeStatesTheNodeAndWhatBothHpaBoundsNeed() {
        String readme = Repository.read(Repository.DEPLOY.resolve("README.md"));
        Resources minimum = Footprint.withAppsAt("minReplicas").total();
        Resources maximum = Footprint.withAppsAt("maxReplicas").total();

        assertThat(readme)
                .contains(NODE.name())
                .contains(figures("allocatable", NODE.allocatableCpu(), NODE.allocatableMemory()))
                .contains(figures("HPA minimum", minimum.cpuRequest(), minimum.memoryRequest()))
                .contains(figures("HPA maximum", maximum.cpuRequest(), maximum.memoryRequest()));
    }

    private static String figures(String what, long cpu, long memory) {
        return "%s: %dm CPU, %d MiB".formatted(what, cpu, Resources.mebibytes(memory));
    }
}
