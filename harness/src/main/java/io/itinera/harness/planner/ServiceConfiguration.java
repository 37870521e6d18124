package io.itinera.harness.planner;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;

/**
 * A service's own {@code application.yml} and {@code application-local.yml} (the profile {@code run-local.sh}
 * switches on), read from its jar on the harness's classpath, so that the planner mode runs with the settings the
 * service runs with. Several services' files share a name on the classpath; the jar (or folder) name tells them
 * apart.
 */
final class ServiceConfiguration {

    private ServiceConfiguration() {}

    /** @return the property sources, the local profile's first (it wins) */
    static List<PropertySource<?>> of(String service) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : List.of("application-local.yml", "application.yml")) {
            for (URL url :
                    Collections.list(ServiceConfiguration.class.getClassLoader().getResources(file))) {
                if (url.toString().contains("/" + service + "/")
                        || url.toString().contains("/" + service + "-")) {
                    sources.addAll(new YamlPropertySourceLoader().load(service + ":" + file, new UrlResource(url)));
                }
            }
        }
        if (sources.stream().noneMatch(source -> source.getName().contains("application.yml"))) {
            throw new IllegalStateException("no application.yml of " + service + " on the classpath");
        }
        return sources;
    }
}
