package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
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
    void aRolloutAtHpaMinimumNeedsNoRoomTheNodeLacks() {
        Footprint surge = Footprint.rolloutSurge();
        System.out.println(surge.report(entry -> "  " + entry.resources() + "  " + entry.what()));
        // Rollouts that start together (an image update) go on one after another when the node is short, as each one
        // that finishes frees its old pods; but if not even the largest surge fits, every one of them waits forever.
        Resources largest = surge.entries().stream()
                .map(Footprint.Entry::resources)
                .max(Comparator.comparingLong(Resources::memoryRequest))
                .orElse(Resources.NONE);
        Resources total = Footprint.withAppsAt("minReplicas").total().plus(largest);

        assertThat(total.cpuRequest())
                .as("CPU requests during a rollout (m)")
                .isLessThanOrEqualTo(NODE.allocatableCpu());
        assertThat(total.memoryRequest())
                .as("memory requests during a rollout (MiB %d)", Resources.mebibytes(total.memoryRequest()))
                .isLessThanOrEqualTo(NODE.allocatableMemory());
    }

    @Test
    void surgePodsAreReadAsKubernetesReadsMaxSurge() {
        assertThat(Footprint.surgePods(null, 2)).isEqualTo(1);
        assertThat(Footprint.surgePods("25%", 1)).isEqualTo(1);
        assertThat(Footprint.surgePods("50%", 3)).isEqualTo(2);
        assertThat(Footprint.surgePods(0, 2)).isZero();
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
