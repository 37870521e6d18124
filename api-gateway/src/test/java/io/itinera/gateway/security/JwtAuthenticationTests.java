package io.itinera.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.TestTokens;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/** The optional OAuth2 resource-server mode: signed, unexpired tokens from the configured issuer, for this audience. */
class JwtAuthenticationTests {

    private static final KeyPair OTHER_KEYS = TestTokens.rsa();
    private static final String ISSUER = TestTokens.ISSUER;
    private static final String AUDIENCE = TestTokens.AUDIENCE;

    private final BearerAuthenticationManager manager = new BearerAuthenticationManager(
            new ApiKeyStore(
                    new ApiKeyProperties(
                            List.of(new ApiKeyProperties.ApiKey(
                                    "acme", HexFormat.of().formatHex(ApiKeyStore.sha256("plain-key")))),
                            null),
                    Clock.systemUTC()),
            JwtClients.authenticationManager(new JwtProperties(
                    true,
                    null,
                    new ByteArrayResource(TestTokens.pem(TestTokens.keys()).getBytes()),
                    ISSUER,
                    AUDIENCE,
                    "client_id")));

    @Test
    void aValidTokenNamesItsClientInTheJwtNamespace() {
        assertThat(clientOf(TestTokens.mint(TestTokens.keys(), ISSUER, AUDIENCE, "acme", 300)))
                .isEqualTo("jwt:acme");
    }

    @Test
    void anApiKeyClientAndATokenWithTheSameNameAreTwoClients() {
        assertThat(clientOf("plain-key")).isEqualTo("acme");
        assertThat(clientOf(TestTokens.mint(TestTokens.keys(), ISSUER, AUDIENCE, "acme", 300)))
                .isNotEqualTo(clientOf("plain-key"));
    }

    @Test
    void expiredForeignMisissuedOrMisaddressedTokensAreRejected() {
        assertThat(clientOf(TestTokens.mint(TestTokens.keys(), ISSUER, AUDIENCE, "acme", -300)))
                .isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_TOKEN);
        assertThat(clientOf(TestTokens.mint(OTHER_KEYS, ISSUER, AUDIENCE, "acme", 300)))
                .isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_TOKEN);
        assertThat(clientOf(TestTokens.mint(TestTokens.keys(), "https://evil.example.test", AUDIENCE, "acme", 300)))
                .isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_TOKEN);
        assertThat(clientOf(TestTokens.mint(TestTokens.keys(), ISSUER, "another-api", "acme", 300)))
                .isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_TOKEN);
        assertThat(clientOf("a.b.c")).isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_TOKEN);
        assertThat(clientOf("not-a-key")).isEqualTo("rejected: " + BearerAuthenticationManager.INVALID_KEY);
    }

    @Test
    void onlyThreePartCredentialsAreTreatedAsTokens() {
        assertThat(BearerAuthenticationManager.looksLikeJwt("a.b.c")).isTrue();
        assertThat(BearerAuthenticationManager.looksLikeJwt("a.b")).isFalse();
        assertThat(BearerAuthenticationManager.looksLikeJwt("a.b.c.d")).isFalse();
        assertThat(BearerAuthenticationManager.looksLikeJwt("plain")).isFalse();
    }

    private String clientOf(String credential) {
        return manager.authenticate(new BearerTokenAuthenticationToken(credential))
                .map(Authentication::getName)
                .onErrorResume(rejected -> Mono.just("rejected: " + rejected.getMessage()))
                .block();
    }
}
