package io.itinera.gateway;

import org.springframework.test.annotation.DirtiesContext;

/**
 * A running gateway for one test class, which runs in a JVM of its own (see the Failsafe configuration): its context
 * serves that class only.
 */
// Closed while the broker still runs: at JVM exit the broker's shutdown hook and the context's run at once, and Kafka
// Streams then waits out its 10 s close timeout against a broker already gone, which delays the next class's JVM.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class GatewayIntegrationTest extends SharedGatewayIntegrationTest {}
