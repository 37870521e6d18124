package io.itinera.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway on a random port against the test broker. Each test class runs in a JVM of its own (see the
 * Failsafe configuration), so its context serves that class only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed while the broker still runs: at JVM exit the broker's shutdown hook and the context's run at once, and Kafka
// Streams then waits out its 10 s close timeout against a broker already gone, which delays the next class's JVM.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// Generous: on a loaded 2-core machine the first requests of a fresh JVM can take longer than the default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @Autowired
    protected WebTestClient web;
}
