package io.itinera.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables the cluster gives a service's container: its ConfigMap (envFrom) and the Deployment's
 * {@code env} entries. Values from Secrets and the pod's own fields are unknown here, so they are stood in for by a
 * readable marker ({@code secret:<name>/<key>}, {@code field:<path>}).
 */
final class ManifestEnvironment {

    private ManifestEnvironment() {}

    static Map<String, String> of(String service) {
        Map<String, String> variables = new LinkedHashMap<>();
        Manifest deployment = Manifests.one("Deployment", "apps/" + service);
        Map<String, Object> container = ProbeTargets.container(deployment);
        for (Map<String, Object> from : Yaml.asMaps(container.getOrDefault("envFrom", List.of()))) {
            String configMap = String.valueOf(Yaml.at(from, "configMapRef.name"));
            Manifest manifest = Manifests.named("ConfigMap", configMap);
            manifest.map("data").forEach((key, value) -> variables.put(key, String.valueOf(value)));
        }
        for (Map<String, Object> entry : Yaml.asMaps(container.getOrDefault("env", List.of()))) {
            Object value = entry.get("value");
            Object secret = Yaml.at(entry, "valueFrom.secretKeyRef.name");
            Object field = Yaml.at(entry, "valueFrom.fieldRef.fieldPath");
            variables.put(
                    String.valueOf(entry.get("name")),
                    value != null
                            ? String.valueOf(value)
                            : field != null
                                    ? "field:" + field
                                    : "secret:" + secret + "/" + Yaml.at(entry, "valueFrom.secretKeyRef.key"));
        }
        return variables;
    }
}
