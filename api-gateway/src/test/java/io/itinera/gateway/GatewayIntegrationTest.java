package io.itinera.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway on a random port against the test broker. Test classes extend it so that they share one
 * application context (and one Kafka Streams instance) instead of starting one each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A POST waits up to 3 s for its effect to be readable; leave room for a cold saga on a busy 2-core machine.
@AutoConfigureWebTestClient(timeout = "15s")
@ActiveProfiles("test")
public abstract class GatewayIntegrationTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @Autowired
    protected WebTestClient web;
}
