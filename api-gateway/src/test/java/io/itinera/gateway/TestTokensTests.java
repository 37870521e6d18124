package io.itinera.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTokensTests {

    @Test
    void everyJvmOfABuildSignsWithThePairTheFirstOneStored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity").resolve("signing-key.p8");

        KeyPair first = TestTokens.sharedKeys(file);
        KeyPair later = TestTokens.sharedKeys(file);

        assertThat(later.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(later.getPublic()).isEqualTo(first.getPublic());
        SignedJWT token = SignedJWT.parse(TestTokens.mint(first, "issuer", "audience", "acme", 60));
        assertThat(token.verify(new RSASSAVerifier((RSAPublicKey) later.getPublic())))
                .isTrue();
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aStoredPairIsNotReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing-key.p8");
        KeyPair stored = TestTokens.rsa();
        Files.write(file, stored.getPrivate().getEncoded());

        assertThat(TestTokens.sharedKeys(file).getPublic()).isEqualTo(stored.getPublic());
    }
}
