package io.itinera.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the suite asks of the node: the apps' containers times their HPA replicas, Kafka's pools and operators, every
 * {@code resources} block in the chart values (HelmRelease, K3s' HelmChartConfig), plus deploy/capacity.yaml's
 * allowance for what deploy/ does not declare.
 */
record Footprint(List<Entry> entries) {

    record Entry(String what, Resources resources) {}

    /** The footprint with each app at the HPA bound {@code replicas} picks ({@code minReplicas}/{@code maxReplicas}). */
    static Footprint withAppsAt(String replicasField) {
        List<Entry> entries = new ArrayList<>();
        for (Manifest deployment : Manifests.ofKind("Deployment")) {
            if (!deployment.folder().startsWith("apps/")) {
                continue; // base/spring-boot-defaults is a patch, not a workload
            }
            Manifest hpa = Manifests.named("HorizontalPodAutoscaler", deployment.name());
            int replicas = ((Number) hpa.get("spec." + replicasField)).intValue();
            entries.add(new Entry(
                    deployment + " x" + replicas, containers(deployment).times(replicas)));
        }
        for (Manifest pool : Manifests.ofKind("KafkaNodePool")) {
            int replicas = ((Number) pool.get("spec.replicas")).intValue();
            entries.add(new Entry(
                    pool + " x" + replicas,
                    Resources.of(pool.map("spec.resources")).times(replicas)));
        }
        for (Manifest kafka : Manifests.ofKind("Kafka")) {
            blocks(kafka.toString(), kafka.map("spec"), entries);
        }
        for (Manifest release : Manifests.ofKind("HelmRelease")) {
            blocks(release.toString(), release.map("spec.values"), entries);
        }
        for (Manifest config : Manifests.ofKind("HelmChartConfig")) {
            String values = config.string("spec.valuesContent");
            Map<String, Object> parsed = Yaml.mapOf(values);
            blocks(config.toString(), parsed, entries);
        }
        Map<String, Object> capacity = Yaml.document(Repository.DEPLOY.resolve("capacity.yaml"));
        for (Map<String, Object> item : Yaml.asMaps(capacity.get("allowance"))) {
            int count = ((Number) item.get("count")).intValue();
            entries.add(new Entry(
                    "allowance: " + item.get("name") + " x" + count,
                    Resources.of(item).times(count)));
        }
        return new Footprint(List.copyOf(entries));
    }

    /**
     * Per app, the extra pods its rollout starts beside the running ones at HPA minimum ({@code maxSurge}, Kubernetes'
     * default 25 % rounded up when unset).
     */
    static Footprint rolloutSurge() {
        List<Entry> entries = new ArrayList<>();
        for (Manifest deployment : Manifests.ofKind("Deployment")) {
            if (!deployment.folder().startsWith("apps/")) {
                continue;
            }
            int replicas = ((Number) Manifests.named("HorizontalPodAutoscaler", deployment.name())
                            .get("spec.minReplicas"))
                    .intValue();
            int surge = surgePods(deployment.get("spec.strategy.rollingUpdate.maxSurge"), replicas);
            if (surge > 0) {
                entries.add(new Entry(
                        deployment + " surge x" + surge, containers(deployment).times(surge)));
            }
        }
        return new Footprint(List.copyOf(entries));
    }

    /** Kubernetes' reading of {@code maxSurge}: a count, or a percentage of the replicas rounded up. */
    static int surgePods(@Nullable Object maxSurge, int replicas) {
        String value = maxSurge == null ? "25%" : maxSurge.toString();
        if (value.endsWith("%")) {
            int percent = Integer.parseInt(value.substring(0, value.length() - 1));
            return (replicas * percent + 99) / 100;
        }
        return Integer.parseInt(value);
    }

    private static Resources containers(Manifest deployment) {
        return deployment.list("spec.template.spec.containers").stream()
                .map(container -> Resources.of(Yaml.asMap(container.get("resources"))))
                .reduce(Resources.NONE, Resources::plus);
    }

    /** Every {@code resources: {requests, limits}} block under {@code tree}, one container each. */
    private static void blocks(String owner, Map<String, Object> tree, List<Entry> entries) {
        walk(owner, "", tree, entries);
    }

    private static void walk(String owner, String path, Map<String, Object> tree, List<Entry> entries) {
        for (Map.Entry<String, Object> field : tree.entrySet()) {
            String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!(field.getValue() instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> value = Yaml.asMap(field.getValue());
            if (field.getKey().equals("resources") && (value.containsKey("requests") || value.containsKey("limits"))) {
                Resources resources = Resources.of(value);
                if (!resources.equals(Resources.NONE)) { // a volume claim's storage request is not a container
                    entries.add(new Entry(owner + " " + here, resources));
                }
            } else {
                walk(owner, here, value, entries);
            }
        }
    }

    Resources total() {
        return entries.stream().map(Entry::resources).reduce(Resources.NONE, Resources::plus);
    }

    String report(Function<Entry, String> line) {
        StringBuilder report = new StringBuilder();
        entries.forEach(entry -> report.append(line.apply(entry)).append('\n'));
        return report.toString();
    }
}
