package io.itinera.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Every Kubernetes object under deploy/, as written in its source file. */
final class Manifests {

    private static final List<Manifest> ALL = Repository.yamlFiles(Repository.DEPLOY).stream()
            // deploy/host is the Ansible host layer, not Kubernetes objects.
            .filter(file -> !file.startsWith(Repository.DEPLOY.resolve("host")))
            .filter(file -> !file.getFileName().toString().startsWith("."))
            .filter(file -> !file.getFileName().toString().endsWith(".test.yaml"))
            .flatMap(file -> Yaml.documents(file).stream().map(content -> new Manifest(file, content)))
            .filter(manifest -> manifest.content().containsKey("kind"))
            .toList();

    private Manifests() {}

    static List<Manifest> all() {
        return ALL;
    }

    static List<Manifest> ofKind(String kind) {
        return ALL.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static List<Manifest> ofKindIn(String kind, String folder) {
        return ofKind(kind).stream().filter(m -> m.folder().equals(folder)).toList();
    }

    static Manifest one(String kind, String folder) {
        List<Manifest> found = ofKindIn(kind, folder);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in deploy/" + folder + ", found " + found.size());
        }
        return found.get(0);
    }

    static Manifest named(String kind, String name) {
        return only(ofKind(kind), m -> m.name().equals(name), kind + " " + name);
    }

    private static Manifest only(List<Manifest> manifests, Predicate<Manifest> filter, String what) {
        List<Manifest> found = manifests.stream().filter(filter).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + what + " under deploy/, found " + found.size());
        }
        return found.get(0);
    }

    static Path appFolder(String service) {
        return Repository.DEPLOY.resolve("apps").resolve(service);
    }
}
