package io.itinera.gateway.system;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the request id from the Reactor context into SLF4J's MDC, so the log pattern's {@code %X{requestId}} shows
 * it. With {@code spring.reactor.context-propagation=limited} Reactor restores it only inside {@code handle} and
 * {@code tap} operators: code on the request path that logs does so from one of them.
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
