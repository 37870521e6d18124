package io.itinera.deploy;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;

/**
 * What a service does with Kafka, taken from its code and configuration: the topics it owns (writes), the topics its
 * listeners and Streams topology read, its consumer groups, and its Streams application id and transactional ids.
 *
 * @param streamsApplicationId the Kafka Streams application.id, if the service runs a topology
 * @param exactlyOnceStreams whether that topology runs with exactly-once (transactional) processing
 * @param transactionIdPrefix spring.kafka.producer.transaction-id-prefix, if the service's producers are transactional
 */
record KafkaUsage(
        String service,
        Set<String> writes,
        Set<String> reads,
        Set<String> groups,
        @Nullable String streamsApplicationId,
        boolean exactlyOnceStreams,
        @Nullable String transactionIdPrefix) {

    static KafkaUsage of(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        String basePackage = basePackage(service);
        Set<String> writes =
                Topics.ownedBy(service).stream().map(TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
        // Topics the table names this service as reader of: besides listeners and Streams, a plain consumer of its own
        // (api-enrichment's places cache) reads them.
        Set<String> reads = Topics.all().stream()
                .filter(topic -> service.equals(topic.consumer()))
                .map(TopicSpec::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> groups = new TreeSet<>();
        for (MergedAnnotation<KafkaListener> listener : listeners(basePackage)) {
            for (String topic : listener.getStringArray("topics")) {
                reads.add(config.resolve(topic));
            }
            String group = listener.getString("groupId");
            groups.add(group.isEmpty() ? config.require("spring.kafka.consumer.group-id") : config.resolve(group));
        }
        String applicationId = null;
        boolean exactlyOnce = false;
        Set<String> streamsSources = StreamsTopologies.sourceTopics(basePackage);
        if (!streamsSources.isEmpty()) {
            reads.addAll(streamsSources);
            applicationId = config.require("spring.kafka.streams.application-id");
            groups.add(applicationId);
            exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(StreamsTopologies.processingGuarantee(basePackage)
                    .orElse(config.get("spring.kafka.streams.properties.processing.guarantee", "")));
        }
        // The per-instance part (itinera.kafka.instance-id, the pod name) is unknown here: ACLs grant by prefix.
        String transactionIdPrefix = config.get("spring.kafka.producer.transaction-id-prefix", "");
        int instancePart = transactionIdPrefix.indexOf("${");
        if (instancePart >= 0) {
            transactionIdPrefix = transactionIdPrefix.substring(0, instancePart);
        }
        return new KafkaUsage(
                service,
                writes,
                reads,
                groups,
                applicationId,
                exactlyOnce,
                transactionIdPrefix.isEmpty() ? null : transactionIdPrefix);
    }

    static String basePackage(String service) {
        return "io.itinera." + service.substring("api-".length());
    }

    /** Every class under a package, loaded without initialising it. */
    static Set<Class<?>> classes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<Class<?>> classes = new LinkedHashSet<>();
        scanner.findCandidateComponents(basePackage)
                .forEach(definition -> classes.add(ClassUtils.resolveClassName(
                        Objects.requireNonNull(definition.getBeanClassName()), KafkaUsage.class.getClassLoader())));
        return classes;
    }

    /** The {@code @KafkaListener}s on any class or method under a package. */
    static Set<MergedAnnotation<KafkaListener>> listeners(String basePackage) {
        Set<MergedAnnotation<KafkaListener>> listeners = new LinkedHashSet<>();
        for (Class<?> type : classes(basePackage)) {
            MergedAnnotations.from(type).stream(KafkaListener.class).forEach(listeners::add);
            for (Method method : type.getDeclaredMethods()) {
                MergedAnnotations.from(method).stream(KafkaListener.class).forEach(listeners::add);
            }
        }
        return listeners;
    }
}
