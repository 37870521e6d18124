package io.itinera.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the configuration property an environment variable binds to, the way Spring Boot does it: every
 * {@code @ConfigurationProperties} group in the configuration metadata on the classpath is bound from the variable
 * alone with Boot's {@link Binder}, and a variable counts as bound when the binder read it into a property.
 */
final class EnvironmentBinding {

    /** A {@code @ConfigurationProperties} group: its prefix and the class bound to it. */
    record Group(String prefix, String type) {}

    private static final List<Group> GROUPS = loadGroups();

    /** common-events' settings ({@code itinera.kafka.*}), which every service binds. */
    private static final String SHARED_PACKAGE = "io.itinera.events.";

    private EnvironmentBinding() {}

    /**
     * @param ownPackage only groups of this package among Itinera's own (each service binds only its own classes), and
     *     common-events' shared ones
     * @return the property the variable binds to, e.g. {@code spring.kafka.properties[sasl.mechanism]}
     */
    static Optional<String> propertyOf(String variable, String value, String ownPackage) {
        for (Group group : candidates(variable, ownPackage)) {
            Class<?> type;
            try {
                type = Class.forName(group.type(), false, EnvironmentBinding.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            Iterable<ConfigurationPropertySource> sources = sourcesFor(variable, value);
            Recorder recorder = new Recorder(sources);
            new Binder(sources).bind(group.prefix(), Bindable.of(type), recorder);
            Optional<String> bound = recorder.propertyOf(variable);
            if (bound.isPresent()) {
                return bound;
            }
        }
        return Optional.empty();
    }

    private static Iterable<ConfigurationPropertySource> sourcesFor(String variable, String value) {
        MutablePropertySources sources = new MutablePropertySources();
        // Boot maps variable names to properties only for a source named like the system environment.
        sources.addFirst(new SystemEnvironmentPropertySource(
                "manifest-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, value)));
        return ConfigurationPropertySources.from(sources);
    }

    /** Groups whose prefix, written as an environment variable, starts the variable; the most specific first. */
    private static List<Group> candidates(String variable, String ownPackage) {
        return GROUPS.stream()
                .filter(g -> !g.type().startsWith("io.itinera.")
                        || g.type().startsWith(ownPackage + ".")
                        || g.type().startsWith(SHARED_PACKAGE))
                .filter(g -> variable.startsWith(asVariable(g.prefix()) + "_"))
                .sorted(Comparator.comparingInt((Group g) -> g.prefix().length())
                        .reversed())
                .toList();
    }

    static String asVariable(String prefix) {
        return prefix.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static List<Group> loadGroups() {
        JsonMapper json = JsonMapper.builder().build();
        Set<Group> groups = new LinkedHashSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                try (InputStream in = resource.getInputStream()) {
                    for (JsonNode group : json.readTree(in).path("groups")) {
                        // Nested groups (sourceMethod or a type inside another) are reached through their parent.
                        if (group.has("type") && !group.has("sourceMethod")) {
                            groups.add(new Group(
                                    group.get("name").asString(),
                                    group.get("type").asString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(groups);
    }

    /** Remembers which environment variable each bound property came from. */
    private static final class Recorder implements BindHandler {

        private final Map<String, String> propertyByVariable = new HashMap<>();
        private final Iterable<ConfigurationPropertySource> sources;

        Recorder(Iterable<ConfigurationPropertySource> sources) {
            this.sources = sources;
        }

        @Override
        public @Nullable Object onSuccess(
                ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            // Collections and maps are bound from their elements, so the context may not hold the property itself.
            ConfigurationProperty property = context.getConfigurationProperty();
            if (property == null) {
                for (ConfigurationPropertySource source : sources) {
                    property = property != null ? property : source.getConfigurationProperty(name);
                }
            }
            if (property != null && property.getOrigin() instanceof PropertySourceOrigin origin) {
                propertyByVariable.putIfAbsent(origin.getPropertyName(), name.toString());
            }
            return result;
        }

        Optional<String> propertyOf(String variable) {
            return Optional.ofNullable(propertyByVariable.get(variable));
        }
    }
}
