package io.itinera.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTests {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void acceptsConfiguredKeysByTheirHashOnly() {
        ApiKeyStore store = new ApiKeyStore(properties(List.of(key("alpha", "secret-a")), null), clock);

        assertThat(store.authenticate("secret-a")).contains(new ApiClient("alpha"));
        assertThat(store.authenticate("secret-b")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
    }

    @Test
    void rotatesKeysFromTheFileWithoutARestart() throws IOException {
        Path file = dir.resolve("keys");
        write(file, "# client key-hash\nbeta " + hash("old-key") + "\n", 1);
        ApiKeyStore store = new ApiKeyStore(properties(List.of(), file), clock);
        assertThat(store.authenticate("old-key")).contains(new ApiClient("beta"));

        write(file, "beta " + hash("new-key") + "\n", 2);
        clock.advance(ApiKeyStore.RECHECK.plusSeconds(1));

        assertThat(store.authenticate("new-key")).contains(new ApiClient("beta"));
        assertThat(store.authenticate("old-key")).isEmpty();
    }

    @Test
    void keepsTheLastGoodKeysWhenTheFileBreaks() throws IOException {
        Path file = dir.resolve("keys");
        write(file, "beta " + hash("good-key") + "\n", 1);
        ApiKeyStore store = new ApiKeyStore(properties(List.of(), file), clock);

        write(file, "beta not-a-hash\n", 2);
        clock.advance(ApiKeyStore.RECHECK.plusSeconds(1));

        assertThat(store.authenticate("good-key")).contains(new ApiClient("beta"));
    }

    @Test
    void refusesToStartWithoutAnyKey() {
        assertThatThrownBy(() -> new ApiKeyStore(properties(List.of(), null), clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.api-keys");
    }

    @Test
    void namesTheLineOfABadKeyFile() throws IOException {
        Path file = dir.resolve("keys");
        write(file, "beta " + hash("k") + "\nbroken line\n", 1);

        assertThatThrownBy(() -> new ApiKeyStore(properties(List.of(), file), clock))
                .hasMessageContaining("line 2");
    }

    private static ApiKeyProperties properties(List<ApiKeyProperties.ApiKey> keys, Path file) {
        return new ApiKeyProperties(keys, file);
    }

    private static ApiKeyProperties.ApiKey key(String client, String secret) {
        return new ApiKeyProperties.ApiKey(client, hash(secret));
    }

    private static String hash(String secret) {
        return HexFormat.of().formatHex(ApiKeyStore.sha256(secret));
    }

    private static void write(Path file, String content, int version) throws IOException {
        Files.writeString(file, content);
        // File systems with coarse timestamps would hide a quick rewrite; set distinct times explicitly.
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * version));
    }
}
