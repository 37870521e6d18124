package io.itinera.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML files (several documents each) as plain maps and lists. */
final class Yaml {

    private Yaml() {}

    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(Repository.read(file))) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    /** One mapping written as text, such as a Helm values block embedded in a manifest. */
    static Map<String, Object> mapOf(String text) {
        return asMap(parser().load(text));
    }

    // This class's own name hides snakeyaml's, so the parser is spelled out once, here.
    private static org.yaml.snakeyaml.Yaml parser() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " has " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<Map<String, Object>> asMaps(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("not a list: " + value);
        }
        return list.stream().map(Yaml::asMap).toList();
    }

    static @Nullable Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(segment);
        }
        return current;
    }
}
