package io.itinera.enrichment;

import io.itinera.kafka.KafkaTestBroker;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The whole service on random ports against a real broker. Every integration test uses this one configuration, so the
 * test context cache starts the application once per module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
@Import(EnrichmentIntegrationTest.RealBroker.class)
public @interface EnrichmentIntegrationTest {

    /** Points the service at the test broker: Testcontainers with Docker, in the JVM without. */
    @TestConfiguration(proxyBeanMethods = false)
    class RealBroker {

        @Bean
        DynamicPropertyRegistrar kafkaBootstrapServers() {
            return registry -> registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        }
    }
}
