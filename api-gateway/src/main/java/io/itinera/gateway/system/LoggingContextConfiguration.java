package io.itinera.gateway.system;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the request id from the Reactor context into SLF4J's MDC on whatever thread handles the request
 * ({@code spring.reactor.context-propagation=auto}), so the log pattern's {@code %X{requestId}} shows it.
 */
@Configuration(proxyBeanMethods = false)
class LoggingContextConfiguration {

    static final String REQUEST_ID = "requestId";

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        REQUEST_ID,
                        () -> MDC.get(REQUEST_ID),
                        value -> MDC.put(REQUEST_ID, value),
                        () -> MDC.remove(REQUEST_ID));
    }
}
