package io.itinera.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Turns a signed, unexpired JWT access token into the client it names; anything else is rejected. */
public class JwtAuthenticator {

    private final ReactiveJwtDecoder decoder;
    private final String clientIdClaim;

    public JwtAuthenticator(ReactiveJwtDecoder decoder, String clientIdClaim) {
        this.decoder = decoder;
        this.clientIdClaim = clientIdClaim;
    }

    public static JwtAuthenticator from(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                            properties.jwkSetUri().toString())
                    .build();
        } else if (properties.publicKey() != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(properties))
                    .build();
        } else {
            throw new IllegalStateException(
                    "gateway.auth.jwt.enabled needs gateway.auth.jwt.jwk-set-uri or gateway.auth.jwt.public-key");
        }
        decoder.setJwtValidator(
                properties.issuer() == null
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return new JwtAuthenticator(decoder, properties.clientIdClaim());
    }

    /** Whether a bearer credential is shaped like a JWT (three dot-separated parts) rather than an API key. */
    static boolean looksLikeJwt(String credential) {
        return credential.chars().filter(c -> c == '.').count() == 2;
    }

    public Mono<Optional<ApiClient>> authenticate(String token) {
        return decoder.decode(token)
                .map(this::clientOf)
                .onErrorResume(JwtException.class, rejected -> Mono.just(Optional.empty()));
    }

    private Optional<ApiClient> clientOf(Jwt jwt) {
        String client = jwt.getClaimAsString(clientIdClaim);
        if (client == null || client.isBlank()) {
            client = jwt.getSubject();
        }
        return client == null || client.isBlank() ? Optional.empty() : Optional.of(new ApiClient(client));
    }

    private static RSAPublicKey readPublicKey(JwtProperties properties) {
        try {
            String pem = properties.publicKey().getContentAsString(StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gateway.auth.jwt.public-key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("gateway.auth.jwt.public-key is not an RSA public key in PEM", e);
        }
    }
}
