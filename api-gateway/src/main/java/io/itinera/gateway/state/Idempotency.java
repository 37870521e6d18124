package io.itinera.gateway.state;

import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.security.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * {@code Idempotency-Key} for the {@code POST}s that create something: the key names the new thing, since its id is
 * derived from the client and the key, so a retried request, on any replica and after any restart, lands on the same
 * trip or proposal, and the saga ignores the second command.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** The answer header that tells a client its retry returned what the first request created. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private Idempotency() {}

    /** A field problem for a key that is not 1 to 255 printable ASCII characters. */
    public static Optional<Problem.FieldProblem> check(@Nullable String key) {
        return key == null || SANE_KEY.matcher(key).matches()
                ? Optional.empty()
                : Optional.of(new Problem.FieldProblem(HEADER, "must be 1 to 255 printable ASCII characters"));
    }

    /**
     * The id of what a request creates: random without a key, derived from the client and the key with one.
     *
     * @param kind what is created, e.g. {@code trip}, so that a trip and a proposal with the same key differ
     */
    public static String idOf(String kind, ApiClient client, @Nullable String key) {
        return key == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(
                                (kind + ":" + escaped(client.id()) + ":" + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }

    /**
     * A client id with its {@code :} and {@code \} escaped, so that where the client ends and the key begins is never
     * ambiguous: JWT clients' ids contain {@code :} ({@code jwt:<subject>}) and keys may too. API-key client ids contain
     * neither, so their derived ids are what they always were.
     */
    static String escaped(String clientId) {
        return clientId.replace("\\", "\\\\").replace(":", "\\:");
    }

    public static void requireSameRequest(boolean same) {
        if (!same) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body; use a new key.");
        }
    }
}
