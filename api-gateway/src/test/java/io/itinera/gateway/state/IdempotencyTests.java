package io.itinera.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.security.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyTests {

    @Test
    void aColonInTheClientIdCannotMoveTheBoundaryBetweenClientAndKey() {
        String first = Idempotency.idOf("trip", new ApiClient("jwt:a"), "b:c");
        String second = Idempotency.idOf("trip", new ApiClient("jwt:a:b"), "c");

        assertThat(first).isNotEqualTo(second);
        assertThat(Idempotency.idOf("trip", new ApiClient("jwt:a\\"), ":c"))
                .isNotEqualTo(Idempotency.idOf("trip", new ApiClient("jwt:a"), "\\:c"));
    }

    @Test
    void apiKeyClientsKeepTheIdsTheirKeysAlwaysNamed() {
        String derived = Idempotency.idOf("trip", new ApiClient("client-a"), "key-1");

        assertThat(derived)
                .isEqualTo(UUID.nameUUIDFromBytes("trip:client-a:key-1".getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(Idempotency.idOf("trip", new ApiClient("client-a"), "key-1")).isEqualTo(derived);
        assertThat(Idempotency.idOf("proposal", new ApiClient("client-a"), "key-1"))
                .isNotEqualTo(derived);
    }
}
