package io.itinera.gateway.security;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * OAuth2 resource-server mode: besides API keys, accept JWT access tokens from an identity provider. Off by default;
 * when on, {@code issuer} and {@code audience} are required.
 *
 * @param jwkSetUri where the provider publishes its signing keys
 * @param publicKey a PEM RSA public key instead (for providers without a JWK set, and for tests)
 * @param issuer tokens must carry this {@code iss}
 * @param audience tokens must list this in {@code aud} (a token minted for another API is refused)
 * @param clientIdClaim the claim naming the client that owns the trips (falls back to {@code sub}); the client becomes
 *     {@code jwt:<value>}
 */
@ConfigurationProperties("gateway.auth.jwt")
public record JwtProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable URI jwkSetUri,
        @Nullable Resource publicKey,
        @Nullable String issuer,
        @Nullable String audience,
        @DefaultValue("client_id") String clientIdClaim) {}
