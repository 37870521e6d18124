package io.itinera.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * An identity provider for tests: a signing key made once per build (no key in Git), its public half as the PEM file the
 * gateway is configured with, and tokens minted on demand.
 */
public final class TestTokens {

    public static final String ISSUER = "https://id.example.test";
    public static final String AUDIENCE = "itinera-api";

    /**
     * Made by the first test JVM of a module's build and read by the others: with the C1-only compiler of the
     * integration-test JVMs, generating a 2048-bit RSA pair took 1.3-3.7 s of CPU, paid again by every class.
     */
    private static final KeyPair KEYS = sharedKeys(Path.of("target", "test-identity", "signing-key.p8"));

    private static Path publicKeyFile;

    private TestTokens() {}

    /** A valid access token for this API naming the client in {@code client_id}. */
    public static String forClient(String clientId) {
        return mint(KEYS, ISSUER, AUDIENCE, clientId, 300);
    }

    public static String mint(KeyPair keys, String issuer, String audience, String clientId, long expiresInSeconds) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.RS256),
                    new JWTClaimsSet.Builder()
                            .issuer(issuer)
                            .audience(audience)
                            .subject("user-1")
                            .claim("client_id", clientId)
                            .issueTime(Date.from(Instant.now().minusSeconds(600)))
                            .expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)))
                            .build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair keys() {
        return KEYS;
    }

    public static String pem(KeyPair keys) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key as a file, written once per JVM. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("itinera-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, pem(KEYS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** The pair stored in {@code file} (PKCS #8), made and stored there first if no other JVM did so before. */
    static KeyPair sharedKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path made = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
                Files.write(made, rsa().getPrivate().getEncoded());
                try {
                    // link(2) fails if the file exists: of two JVMs making a pair at once, the first one's is kept
                    Files.createLink(file, made);
                } catch (FileAlreadyExistsException anotherJvmWasFirst) {
                    // read below
                } finally {
                    Files.delete(made);
                }
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey =
                    (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
            PublicKey publicKey =
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA key in PKCS #8: " + file, e);
        }
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
