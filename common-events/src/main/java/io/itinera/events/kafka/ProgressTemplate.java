package io.itinera.events.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The template progress goes through. Progress is informational and must be seen while the work runs (ADR 0006), so
 * where the service's producers are transactional (the workers) it gets a non-transactional producer of its own,
 * closed with the application; elsewhere it is the service's template.
 */
record ProgressTemplate(
        KafkaOperations<String, Object> operations,
        @Nullable DefaultKafkaProducerFactory<?, ?> owned) implements DisposableBean {

    static ProgressTemplate of(KafkaTemplate<String, Object> template) {
        if (!template.isTransactional()) {
            return new ProgressTemplate(template, null);
        }
        Map<String, Object> config = new HashMap<>(template.getProducerFactory().getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(config);
        return new ProgressTemplate(new KafkaTemplate<>(producers), producers);
    }

    @Override
    public void destroy() {
        if (owned != null) {
            owned.destroy();
        }
    }
}
