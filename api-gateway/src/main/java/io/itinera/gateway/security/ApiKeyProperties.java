package io.itinera.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys the gateway accepts, stored as SHA-256 hashes so that configuration never holds a usable key. The
 * gateway refuses to start without at least one, from either source.
 *
 * @param apiKeys one entry per client, e.g. from a Kubernetes Secret as {@code GATEWAY_API_KEYS_0_CLIENT_ID} and
 *     {@code GATEWAY_API_KEYS_0_SHA256}
 * @param apiKeysFile a file of {@code <client-id> <sha256>} lines (e.g. a mounted Secret), re-read when it changes, so
 *     that keys rotate without a restart
 */
@Validated
@ConfigurationProperties("gateway")
public record ApiKeyProperties(
        @DefaultValue @Valid List<ApiKey> apiKeys, @Nullable Path apiKeysFile) {

    static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /**
     * @param clientId owns the client's trips; letters, digits, {@code . _ -} only, so that it can never look like a
     *     namespaced JWT client ({@code jwt:...})
     * @param sha256 lower-case hex SHA-256 of the key's UTF-8 bytes, e.g. {@code printf '%s' "$KEY" | sha256sum}
     */
    public record ApiKey(
            @NotBlank
            @Pattern(
                    regexp = CLIENT_ID,
                    message = "must be 1 to 64 of A-Z a-z 0-9 . _ - (starting with a letter or digit)")
            String clientId,

            @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
            String sha256) {}
}
