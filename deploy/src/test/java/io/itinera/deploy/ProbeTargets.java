package io.itinera.deploy;

import java.util.List;
import java.util.Map;

/** The single application container ({@code app}) of a service's Deployment. */
final class ProbeTargets {

    private ProbeTargets() {}

    static Map<String, Object> container(Manifest deployment) {
        List<Map<String, Object>> containers = deployment.list("spec.template.spec.containers");
        return containers.stream()
                .filter(c -> "app".equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " has no container named app"));
    }

    static int containerPort(Map<String, Object> container, String name) {
        return Yaml.asMaps(container.get("ports")).stream()
                .filter(p -> name.equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }
}
