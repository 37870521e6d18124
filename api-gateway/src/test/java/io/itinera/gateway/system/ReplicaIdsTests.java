package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaIdsTests {

    private static final String PROCESS = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    private final ReplicaIds ids = new ReplicaIds("api-gateway");

    @Test
    void aStreamThreadsProducerConsumerAndThreadNameTheirProcess() {
        assertThat(ids.ofTransaction("api-gateway-" + PROCESS + "-1")).contains(PROCESS);
        assertThat(ids.ofTransaction("api-gateway-" + PROCESS + "-12")).contains(PROCESS);
        assertThat(ids.ofThread("api-gateway-" + PROCESS + "-StreamThread-2-consumer"))
                .contains(PROCESS);
        assertThat(ids.ofThread("api-gateway-" + PROCESS + "-StreamThread-2")).contains(PROCESS);
    }

    @Test
    void namesOfAnythingElseAreNotAttributed() {
        assertThat(ids.ofTransaction("api-gateway-tx-0")).isEmpty();
        assertThat(ids.ofTransaction("api-enrichment-" + PROCESS + "-1")).isEmpty();
        assertThat(ids.ofTransaction("api-gateway-" + PROCESS)).isEmpty();
        assertThat(ids.ofThread("api-gateway-" + PROCESS + "-GlobalStreamThread"))
                .isEmpty();
        assertThat(ids.ofThread("api-gateway-" + PROCESS + "-StreamThread-1-restore-consumer"))
                .isEmpty();
        assertThat(ids.ofThread("custom-client-StreamThread-1-consumer")).isEmpty();
    }
}
