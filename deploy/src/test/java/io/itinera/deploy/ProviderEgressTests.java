package io.itinera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * api-enrichment's live providers and its NetworkPolicy agree: a provider the cluster's ConfigMap switches on has an
 * HTTPS egress rule to the addresses of its base-url's host (named by the policy's annotation), and nothing else leaves
 * the pod but Kafka and DNS. A provider switched on without a rule would time out on every call; a rule without a
 * provider would be an opening nobody uses.
 */
class ProviderEgressTests {

    private static final String SERVICE = "api-enrichment";
    private static final String HOST_ANNOTATION = "itinera.io/egress-https-host";
    private static final List<String> PROVIDERS = List.of("open-meteo", "frankfurter", "overpass");

    private final ServiceConfig config = ServiceConfig.of(SERVICE, ManifestEnvironment.of(SERVICE));
    private final Manifest policy = Manifests.one("NetworkPolicy", "apps/" + SERVICE);

    @Test
    void theClusterSwitchesOnTheOverpassProviderOnly() {
        assertThat(enabledProviders()).containsExactly("overpass");
        // off unless a cluster (or a test) switches it on: local runs and tests plan offline
        assertThat(ServiceConfig.of(SERVICE).get("enrichment.providers.overpass.enabled", "false"))
                .isEqualTo("false");
    }

    @Test
    void eachEnabledProviderHasAnHttpsRuleToItsHostAndNoOtherDoor() {
        Set<String> hosts = new TreeSet<>();
        for (String provider : enabledProviders()) {
            URI baseUrl = URI.create(config.require("enrichment.providers." + provider + ".base-url"));
            assertThat(baseUrl.getScheme()).as("%s's base-url", provider).isEqualTo("https");
            assertThat(baseUrl.getPort()).as("%s's base-url port", provider).isIn(-1, 443);
            hosts.add(baseUrl.getHost());
        }
        assertThat(Objects.toString(annotations().get(HOST_ANNOTATION), ""))
                .as("the policy names the host its HTTPS addresses belong to")
                .isEqualTo(String.join(",", hosts));

        List<Map<String, Object>> https = policy.list("spec.egress").stream()
                .filter(rule -> ports(rule).contains(443))
                .toList();
        assertThat(https).as("one HTTPS rule per enabled provider's host").hasSize(hosts.size());
        for (Map<String, Object> rule : https) {
            assertThat(ports(rule)).containsExactly(443);
            assertThat(Yaml.asMaps(rule.get("to")))
                    .isNotEmpty()
                    .allSatisfy(to -> assertThat(Objects.toString(Yaml.at(to, "ipBlock.cidr"), ""))
                            .as("single addresses, never a range that opens the Internet")
                            .matches("\\d{1,3}(\\.\\d{1,3}){3}/32"));
        }
    }

    @Test
    void everyOtherEgressRuleIsKafkaOrDns() {
        assertThat(policy.list("spec.egress").stream()
                        .filter(rule -> !ports(rule).contains(443))
                        .map(ProviderEgressTests::ports))
                .allSatisfy(ports -> assertThat(ports).isSubsetOf(9093, 53));
    }

    private List<String> enabledProviders() {
        return PROVIDERS.stream()
                .filter(provider ->
                        Boolean.parseBoolean(config.get("enrichment.providers." + provider + ".enabled", "false")))
                .toList();
    }

    private Map<String, Object> annotations() {
        Object annotations = policy.get("metadata.annotations");
        return annotations == null ? Map.of() : Yaml.asMap(annotations);
    }

    private static List<Integer> ports(Map<String, Object> rule) {
        Object ports = rule.get("ports");
        return ports == null
                ? List.of()
                : Yaml.asMaps(ports).stream()
                        .map(port -> Integer.valueOf(String.valueOf(port.get("port"))))
                        .toList();
    }
}
