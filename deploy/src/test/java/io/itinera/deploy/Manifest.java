package io.itinera.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One Kubernetes object as written in a file under deploy/ (before kustomize), with typed access to its fields. */
record Manifest(Path file, Map<String, Object> content) {

    String kind() {
        return string("kind");
    }

    String apiVersion() {
        return string("apiVersion");
    }

    String name() {
        return string("metadata.name");
    }

    /** The folder of the file relative to deploy/, e.g. {@code apps/api-gateway}. */
    String folder() {
        return Repository.DEPLOY.relativize(file.getParent()).toString();
    }

    String string(String path) {
        return Objects.toString(Objects.requireNonNull(get(path), () -> path + " missing in " + this));
    }

    Map<String, Object> map(String path) {
        return Yaml.asMap(Objects.requireNonNull(get(path), () -> path + " missing in " + this));
    }

    List<Map<String, Object>> list(String path) {
        Object value = get(path);
        return value == null ? List.of() : Yaml.asMaps(value);
    }

    /** A dotted path into the object; segments may not contain dots (use {@link #map} and plain gets for those). */
    @Nullable
    Object get(String path) {
        return Yaml.at(content, path);
    }

    @Override
    public String toString() {
        return content.get("kind") + " " + Yaml.at(content, "metadata.name") + " (" + Repository.ROOT.relativize(file)
                + ")";
    }
}
