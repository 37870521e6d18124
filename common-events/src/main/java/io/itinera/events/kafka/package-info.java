/**
 * The Spring Kafka plumbing every service shares: publishing stamped events, dead-lettering what cannot be processed,
 * and readiness that reflects the broker and the service's consumers. Needs spring-kafka on the classpath.
 */
@NullMarked
package io.itinera.events.kafka;

import org.jspecify.annotations.NullMarked;
