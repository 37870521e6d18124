package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route the gateway proxies (its Spring Cloud Gateway routes, with the cluster's environment) reaches the HTTP
 * port of a service of the suite, and the NetworkPolicies of both ends let exactly that hop through.
 */
class GatewayRoutesTests {

    private static final String GATEWAY = "api-gateway";

    private static String route(int index, String key) {
        return "spring.cloud.gateway.server.webflux.routes[" + index + "]." + key;
    }

    @Test
    void everyRouteTargetsAServiceThatTheNetworkPoliciesLetTheGatewayReach() {
        ServiceConfig config = ServiceConfig.of(GATEWAY, ManifestEnvironment.of(GATEWAY));
        List<Map<String, Object>> routes = new ArrayList<>();
        for (int i = 0; !config.get(route(i, "id"), "").isEmpty(); i++) {
            routes.add(Map.of("id", config.require(route(i, "id")), "uri", config.require(route(i, "uri"))));
        }

        assertThat(routes).as("the gateway's routes").isNotEmpty();
        for (Map<String, Object> route : routes) {
            URI uri = URI.create(config.resolve(String.valueOf(route.get("uri"))));
            Manifest service = Manifests.ofKind("Service").stream()
                    .filter(s -> s.name().equals(uri.getHost()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "route " + route.get("id") + " goes to " + uri + ", which is no Service of the suite"));
            String target = service.name();
            Map<String, Object> http = service.list("spec.ports").stream()
                    .filter(p -> "http".equals(p.get("name")))
                    .findFirst()
                    .orElseThrow();
            assertThat(uri.getPort()).as("route %s port", route.get("id")).isEqualTo(http.get("port"));
            int containerPort = ProbeTargets.containerPort(
                    ProbeTargets.container(Manifests.one("Deployment", "apps/" + target)), "http");

            Manifest egress = Manifests.one("NetworkPolicy", "apps/" + GATEWAY);
            assertThat(egress.list("spec.egress"))
                    .as("the gateway's NetworkPolicy lets it reach %s:%s", target, containerPort)
                    .anySatisfy(rule -> {
                        assertThat(Yaml.asMaps(rule.get("to")))
                                .anySatisfy(to -> assertThat(Yaml.at(to, "podSelector.matchLabels"))
                                        .isEqualTo(Map.of("app.kubernetes.io/name", target)));
                        assertThat(Yaml.asMaps(rule.get("ports")))
                                .anySatisfy(port -> assertThat(port.get("port")).isEqualTo(containerPort));
                    });
            Manifest ingress = Manifests.one("NetworkPolicy", "apps/" + target);
            assertThat(ingress.list("spec.ingress"))
                    .as("the NetworkPolicy of %s lets the gateway in on http", target)
                    .anySatisfy(rule -> {
                        assertThat(Yaml.asMaps(rule.get("from")))
                                .anySatisfy(from -> assertThat(Yaml.at(from, "podSelector.matchLabels"))
                                        .isEqualTo(Map.of("app.kubernetes.io/name", GATEWAY)));
                        assertThat(Yaml.asMaps(rule.get("ports")))
                                .anySatisfy(port -> assertThat(port.get("port")).isEqualTo("http"));
                    });
        }
    }
}
