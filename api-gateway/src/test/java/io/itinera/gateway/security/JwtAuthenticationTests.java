package io.itinera.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.itinera.gateway.problem.Problem;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The optional OAuth2 resource-server mode: signed, unexpired tokens from the configured issuer only. */
class JwtAuthenticationTests {

    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private final JwtAuthenticator authenticator = JwtAuthenticator.from(new JwtProperties(
            true, null, new ByteArrayResource(pem(KEYS).getBytes()), "https://id.example.test", "client_id"));

    @Test
    void aValidTokenNamesItsClient() {
        assertThat(authenticator
                        .authenticate(token(KEYS, "https://id.example.test", 300, "acme"))
                        .block())
                .contains(new ApiClient("acme"));
    }

    @Test
    void expiredForeignOrMisissuedTokensAreRejected() {
        assertThat(authenticator
                        .authenticate(token(KEYS, "https://id.example.test", -300, "acme"))
                        .block())
                .isEmpty();
        assertThat(authenticator
                        .authenticate(token(OTHER_KEYS, "https://id.example.test", 300, "acme"))
                        .block())
                .isEmpty();
        assertThat(authenticator
                        .authenticate(token(KEYS, "https://evil.example.test", 300, "acme"))
                        .block())
                .isEmpty();
        assertThat(authenticator.authenticate("a.b.c").block()).isEmpty();
    }

    @Test
    void theFilterAcceptsTokensBesideApiKeys() {
        ApiKeyStore keys = new ApiKeyStore(
                new ApiKeyProperties(
                        List.of(new ApiKeyProperties.ApiKey(
                                "keyed", HexFormat.of().formatHex(ApiKeyStore.sha256("plain-key")))),
                        null),
                Clock.systemUTC());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jwt", authenticator);
        ApiKeyAuthenticationFilter filter =
                new ApiKeyAuthenticationFilter(keys, beans.getBeanProvider(JwtAuthenticator.class));

        assertThat(clientAfter(filter, token(KEYS, "https://id.example.test", 300, "acme")))
                .contains("acme");
        assertThat(clientAfter(filter, "plain-key")).contains("keyed");
        assertThat(clientAfter(filter, token(OTHER_KEYS, "https://id.example.test", 300, "acme")))
                .contains("rejected: The access token is not valid.");
    }

    private static Optional<String> clientAfter(ApiKeyAuthenticationFilter filter, String credential) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/trips").header(HttpHeaders.AUTHORIZATION, "Bearer " + credential));
        AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(exchange, passed -> {
                    seen.set(ApiClient.of(passed).id());
                    return Mono.empty();
                })
                .onErrorResume(Problem.class, problem -> {
                    seen.set("rejected: " + problem.getBody().getDetail());
                    return Mono.empty();
                })
                .block();
        return Optional.ofNullable(seen.get());
    }

    private static String token(KeyPair keys, String issuer, long expiresInSeconds, String client) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.RS256),
                    new JWTClaimsSet.Builder()
                            .issuer(issuer)
                            .subject("user-1")
                            .claim("client_id", client)
                            .issueTime(Date.from(Instant.now().minusSeconds(600)))
                            .expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)))
                            .build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(((RSAPublicKey) keys.getPublic()).getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
