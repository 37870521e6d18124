package io.itinera.deploy;

import io.itinera.events.kafka.KafkaDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A service's configuration as Spring Boot sees it in the cluster: the shared Kafka defaults of common-events, under
 * its {@code application.yml} (default profile), overridden by the environment variables a manifest sets, with Boot's relaxed binding and placeholders.
 */
final class ServiceConfig {

    private final ConfigurableEnvironment environment;

    private ServiceConfig(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    static ServiceConfig of(String service, Map<String, String> environmentVariables) {
        ConfigurableEnvironment environment = new AbstractEnvironment() {};
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        // Boot maps variable names to properties only for a source named like the system environment.
                        "manifest-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new LinkedHashMap<>(environmentVariables)));
        applicationYaml(service)
                .forEach(source -> environment.getPropertySources().addLast(source));
        // What every service gets from common-events, below its own application.yml, as at run time.
        environment.getPropertySources().addLast(KafkaDefaults.propertySource());
        ConfigurationPropertySources.attach(environment);
        return new ServiceConfig(environment);
    }

    static ServiceConfig of(String service) {
        return of(service, Map.of());
    }

    private static List<PropertySource<?>> applicationYaml(String service) {
        FileSystemResource yaml =
                new FileSystemResource(Repository.path(service + "/src/main/resources/application.yml"));
        try {
            return new YamlPropertySourceLoader().load("application.yml", yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String property, String defaultValue) {
        return Binder.get(environment).bind(property, String.class).orElse(defaultValue);
    }

    String require(String property) {
        return Binder.get(environment)
                .bind(property, String.class)
                .orElseThrow(() -> new AssertionError(property + " is not set for this service"));
    }

    String resolve(String text) {
        return environment.resolveRequiredPlaceholders(text);
    }

    Binder binder() {
        return Binder.get(environment);
    }
}
