package io.itinera.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keys in force: those from configuration plus those in the keys file, which is re-read when it changes (checked at
 * most every few seconds), so an operator rotates keys by updating a Secret. A file that becomes unreadable or invalid
 * keeps the last good keys in force and is logged.
 */
@Component
public class ApiKeyStore {

    static final Duration RECHECK = Duration.ofSeconds(2);
    static final int REMEMBERED = 1_000;
    private static final Pattern LINE = Pattern.compile("(" + ApiKeyProperties.CLIENT_ID + ")\\s+([0-9a-f]{64})");
    private static final Logger log = LoggerFactory.getLogger(ApiKeyStore.class);

    private final List<ApiKeyProperties.ApiKey> configured;
    private final @Nullable Path file;
    private final Clock clock;
    private volatile List<ApiKeyProperties.ApiKey> fromFile = List.of();
    /** Every key in force with its hash already decoded: computed when the keys change, not per request. */
    private volatile List<Hashed> inForce = List.of();

    /** Keys that matched, and their client: cleared whenever the keys in force change. */
    private final Map<String, ApiClient> remembered = new ConcurrentHashMap<>();

    private volatile @Nullable FileTime fileVersion;
    private volatile Instant nextCheck = Instant.MIN;

    public ApiKeyStore(ApiKeyProperties properties, Clock clock) {
        this.configured = List.copyOf(properties.apiKeys());
        this.file = properties.apiKeysFile();
        this.clock = clock;
        if (file != null) {
            fromFile = read(file);
            fileVersion = modified(file);
        }
        inForce = hashed(keys());
        if (inForce.isEmpty()) {
            throw new IllegalStateException(
                    "no API keys configured: set gateway.api-keys[0].client-id/.sha256 or gateway.api-keys-file");
        }
    }

    /**
     * The client whose key this is, comparing hashes in constant time and checking every key. A key that matched is
     * remembered (at most {@value #REMEMBERED} of them, forgotten whenever the keys change), so that its hash is
     * computed once, not per request; an unknown key is hashed every time.
     */
    public Optional<ApiClient> authenticate(String key) {
        refreshIfDue();
        ApiClient known = remembered.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ApiClient> match = match(key);
        match.ifPresent(client -> {
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, client);
        });
        return match;
    }

    private Optional<ApiClient> match(String key) {
        byte[] presented = sha256(key);
        ApiClient match = null;
        for (Hashed candidate : inForce) {
            if (MessageDigest.isEqual(presented, candidate.sha256())) {
                match = candidate.client();
            }
        }
        return Optional.ofNullable(match);
    }

    private record Hashed(ApiClient client, byte[] sha256) {}

    private static List<Hashed> hashed(List<ApiKeyProperties.ApiKey> keys) {
        return keys.stream()
                .map(key -> new Hashed(
                        ApiClient.apiKey(key.clientId()), HexFormat.of().parseHex(key.sha256())))
                .toList();
    }

    List<ApiKeyProperties.ApiKey> keys() {
        List<ApiKeyProperties.ApiKey> all = new ArrayList<>(configured);
        all.addAll(fromFile);
        return all;
    }

    private void refreshIfDue() {
        Instant now = clock.instant();
        if (file == null || now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(RECHECK);
        FileTime version = modified(file);
        if (version != null && !version.equals(fileVersion)) {
            try {
                fromFile = read(file);
                fileVersion = version;
                inForce = hashed(keys());
                remembered.clear();
                log.info("reloaded {} API keys from {}", fromFile.size(), file);
            } catch (RuntimeException e) {
                log.error("keeping the previous API keys: cannot use {}", file, e);
            }
        }
    }

    static List<ApiKeyProperties.ApiKey> read(Path file) {
        List<ApiKeyProperties.ApiKey> keys = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var match = LINE.matcher(line);
                if (!match.matches()) {
                    throw new IllegalArgumentException(file + " line " + (i + 1)
                            + ": expected '<client-id> <64 hex digits of SHA-256>' (client ids: A-Z a-z 0-9 . _ -)");
                }
                keys.add(new ApiKeyProperties.ApiKey(match.group(1), match.group(2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API keys from " + file, e);
        }
        return List.copyOf(keys);
    }

    private static @Nullable FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
