package io.itinera.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway on a random port against the test broker, its context kept for the next class with the same
 * configuration in the same JVM: the classes of {@link SharedContextIntegrationTests} run in one JVM and share one
 * gateway, so each must hold whatever the others leave behind (their trips, remembered destination verdicts). Classes
 * that run in a JVM of their own extend {@link GatewayIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Generous: on a loaded 2-core machine the first requests of a fresh JVM can take longer than the default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public abstract class SharedGatewayIntegrationTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @Autowired
    protected WebTestClient web;
}
