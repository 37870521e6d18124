package io.itinera.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's files are: the parent of this module (Surefire passes {@code itinera.root}). */
final class Repository {

    static final Path ROOT =
            Path.of(System.getProperty("itinera.root", "..")).toAbsolutePath().normalize();

    static final Path DEPLOY = ROOT.resolve("deploy");

    /** The three services: folder = artifactId = spring.application.name = Deployment = image name. */
    static final List<String> SERVICES = List.of("api-gateway", "api-enrichment", "api-generation");

    private Repository() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML file under a folder, in a stable order. */
    static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f ->
                            !f.toString().contains("/target/") && !f.toString().contains("/src/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
