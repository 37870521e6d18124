package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The image of every service is named the way Jib names it, everywhere it is used, and Flux can follow its tags. */
class ImageNamesTests {

    static final List<String> SERVICES = Repository.SERVICES;

    private static final Pattern MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void deploymentRunsTheImageJibBuilds(String service) {
        String image = ParentPom.jibImage(service);
        Map<String, Object> container = ProbeTargets.container(Manifests.one("Deployment", "apps/" + service));

        assertThat(image).isEqualTo("ghcr.io/" + ParentPom.property("image.owner") + "/" + service);
        assertThat(container.get("image")).isEqualTo(image);
    }

    /**
     * Jib takes the one class with a {@code main} method as the entry point (the pom names none): so the service's main
     * sources hold exactly one, its {@code @SpringBootApplication}; tools and benchmarks live in test sources.
     */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageStartsTheOnlyMainClassOfTheServiceItsSpringBootApplication(String service) throws Exception {
        Path sources = Repository.path(service + "/src/main/java");
        List<String> mains;
        try (Stream<Path> files = Files.walk(sources)) {
            mains = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> MAIN.matcher(Repository.read(file)).find())
                    .map(file -> sources.relativize(file)
                            .toString()
                            .replace(".java", "")
                            .replace('/', '.'))
                    .toList();
        }

        assertThat(mains).as("classes with a main method in %s", sources).hasSize(1);
        String mainClass = mains.get(0);
        assertThat(mainClass).startsWith(KafkaUsage.basePackage(service) + ".");
        Class<?> application = Class.forName(mainClass, false, getClass().getClassLoader());
        assertThat(application.isAnnotationPresent(SpringBootApplication.class))
                .as("%s is the @SpringBootApplication of %s", mainClass, service)
                .isTrue();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void clusterOverlaySetsTheTagThroughTheImagePolicyOfTheService(String service) {
        String image = ParentPom.jibImage(service);
        Map<String, Object> overlay = Yaml.document(Repository.DEPLOY.resolve("apps/vps/kustomization.yaml"));
        Map<String, Object> entry = Yaml.asMaps(overlay.get("images")).stream()
                .filter(i -> image.equals(i.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("apps/vps sets no tag for " + image));
        Manifest repository = Manifests.named("ImageRepository", service);
        Manifest policy = Manifests.named("ImagePolicy", service);
        String marker = policy.string("metadata.namespace") + ":" + policy.name();

        assertThat(entry.get("newName")).isEqualTo(image);
        assertThat(repository.get("spec.image")).isEqualTo(image);
        assertThat(policy.get("spec.imageRepositoryRef.name")).isEqualTo(repository.name());
        String text = Repository.read(Repository.DEPLOY.resolve("apps/vps/kustomization.yaml"));
        assertThat(text)
                .contains("newName: " + image + " # {\"$imagepolicy\": \"" + marker + ":name\"}")
                .containsPattern("newTag: \\S+ # \\{\"\\$imagepolicy\": \"" + Pattern.quote(marker) + ":tag\"}");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imagePolicyPicksTheNewestMainBuildByItsTimestamp(String service) {
        Manifest policy = Manifests.named("ImagePolicy", service);
        // Go's (?P<name>...) is Java's (?<name>...).
        Pattern pattern =
                Pattern.compile(policy.string("spec.filterTags.pattern").replace("(?P<", "(?<"));

        Matcher main = pattern.matcher("main-1a2b3c4-1767225600");
        assertThat(main.matches()).isTrue();
        assertThat(policy.get("spec.filterTags.extract")).isEqualTo("$ts");
        assertThat(main.group("ts")).isEqualTo("1767225600");
        assertThat(pattern.matcher("sha-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")
                        .matches())
                .isFalse();
        assertThat(policy.get("spec.policy.numerical.order")).isEqualTo("asc");
        assertThat(Repository.read(Repository.path(".github/workflows/release.yml")))
                .as("release.yml pushes the tags the policy follows")
                .contains("main-${short_sha}-${timestamp}");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeRunsTheSameImage(String service) {
        Map<String, Object> compose = Yaml.document(Repository.path("compose.yaml"));

        assertThat(String.valueOf(Yaml.at(compose, "services." + service + ".image")))
                .startsWith(ParentPom.jibImage(service) + ":");
    }
}
