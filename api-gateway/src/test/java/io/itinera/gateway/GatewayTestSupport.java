package io.itinera.gateway;

import io.itinera.kafka.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Test wiring shared by every gateway instance a test starts: a real broker, a private state directory, test keys and
 * the test identity provider's public key.
 */
public final class GatewayTestSupport {

    public static final String KEY_A = "test-key-client-a";
    public static final String KEY_B = "test-key-client-b";
    public static final String KEY_C = "test-key-client-c";
    /** client-d: two open trips and one live-event stream at most. */
    public static final String KEY_D = "test-key-client-d";
    /** client-e: five open trips at most; used only by the test of a concurrent burst against that cap. */
    public static final String KEY_E = "test-key-client-e";

    // Every test JVM made several of them and left them behind: hundreds in /tmp after a few builds.
    private static final Set<Path> STATE_DIRS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(GatewayTestSupport::removeStateDirs, "test-state-dirs-removal"));
    }

    private GatewayTestSupport() {}

    public static void register(DynamicPropertyRegistry registry) {
        String stateDir = newStateDir().toString();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
        registry.add("gateway.routes.enrichment-uri", EnrichmentStub::baseUrl);
        // The resource-server mode is on in every test gateway, so that tokens and keys meet in every test.
        registry.add("gateway.auth.jwt.enabled", () -> "true");
        registry.add("gateway.auth.jwt.public-key", () -> "file:" + TestTokens.publicKeyFile());
        registry.add("gateway.auth.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("gateway.auth.jwt.audience", () -> TestTokens.AUDIENCE);
    }

    /** A fresh Kafka Streams state directory, removed when the JVM exits (by then its context has closed). */
    public static Path newStateDir() {
        try {
            Path dir = Files.createTempDirectory("itinera-gateway-streams");
            STATE_DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeStateDirs() {
        for (Path dir : STATE_DIRS) {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException leftForTheOs) {
                // a process still writing there as the JVM exits: the temp directory's usual fate
            }
        }
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }
}
