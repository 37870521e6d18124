package io.itinera.gateway;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The integration-test classes that need nothing but a gateway with the test configuration, run one after the other in
 * one JVM with one broker and one gateway context ({@link SharedGatewayIntegrationTest}): each class of its own paid
 * a JVM, a broker and a context start (the module's integration tests took 592 s of CPU with a JVM per class, 395 s
 * with these four in one; performance.md, session 11). Failsafe leaves these classes out of its own scan, so that
 * they run here only; {@code -Dit.test=} still runs any of them alone. The last one closes the context.
 */
@Suite
@SelectClasses(
        names = {
            "io.itinera.gateway.trip.TripApiIntegrationTests",
            "io.itinera.gateway.trip.TripLifecycleIntegrationTests",
            "io.itinera.gateway.proposal.ProposalApiIntegrationTests",
            "io.itinera.gateway.security.ApiSecurityIntegrationTests"
        })
class SharedContextIntegrationTests {}
