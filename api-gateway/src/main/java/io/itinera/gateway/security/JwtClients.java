package io.itinera.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.Resource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * The OAuth2 resource-server mode: a JWT access token is accepted when it is signed by the identity provider, unexpired,
 * issued by the configured issuer and meant for this API's audience. Its client ({@code client_id}, else {@code sub})
 * becomes {@code jwt:<client>}, a namespace no API-key client can enter.
 */
final class JwtClients implements Converter<Jwt, Mono<ClientAuthentication>> {

    private final String clientIdClaim;

    private JwtClients(String clientIdClaim) {
        this.clientIdClaim = clientIdClaim;
    }

    static JwtReactiveAuthenticationManager authenticationManager(JwtProperties properties) {
        if (properties.issuer() == null || properties.audience() == null) {
            throw new IllegalStateException(
                    "gateway.auth.jwt.enabled needs gateway.auth.jwt.issuer and gateway.auth.jwt.audience");
        }
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                            properties.jwkSetUri().toString())
                    .build();
        } else if (properties.publicKey() != null) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(properties.publicKey()))
                    .build();
        } else {
            throw new IllegalStateException(
                    "gateway.auth.jwt.enabled needs gateway.auth.jwt.jwk-set-uri or gateway.auth.jwt.public-key");
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience())));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new JwtClients(properties.clientIdClaim()));
        return manager;
    }

    @Override
    public Mono<ClientAuthentication> convert(Jwt jwt) {
        String client = jwt.getClaimAsString(clientIdClaim);
        if (client == null || client.isBlank()) {
            client = jwt.getSubject();
        }
        if (client == null || client.isBlank()) {
            return Mono.error(new BadCredentialsException("the token names no client"));
        }
        return Mono.just(new ClientAuthentication(ApiClient.jwt(client)));
    }

    private static RSAPublicKey readPublicKey(Resource publicKey) {
        try {
            String pem = publicKey.getContentAsString(StandardCharsets.US_ASCII);
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
