package io.itinera.deploy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Finds a service's Kafka Streams topologies without knowing their class names: every public static method under the
 * service's package whose first parameter is a {@link StreamsBuilder} builds one. The other arguments are made up
 * (a clock, a simple meter registry, objects built from those), since only the topology's shape matters here.
 */
final class StreamsTopologies {

    private StreamsTopologies() {}

    /** The topics every topology of the package reads, global tables included. */
    static Set<String> sourceTopics(String basePackage) {
        Set<String> topics = new TreeSet<>();
        for (Class<?> type : KafkaUsage.classes(basePackage)) {
            for (Method method : type.getDeclaredMethods()) {
                if (isPublicStatic(method)
                        && method.getParameterCount() > 0
                        && method.getParameterTypes()[0] == StreamsBuilder.class) {
                    StreamsBuilder builder = new StreamsBuilder();
                    Object[] arguments = new Object[method.getParameterCount()];
                    arguments[0] = builder;
                    for (int i = 1; i < arguments.length; i++) {
                        arguments[i] = instance(method.getParameterTypes()[i]);
                    }
                    invoke(method, arguments);
                    topics.addAll(sources(builder.build().describe()));
                }
            }
        }
        return topics;
    }

    /** The processing guarantee a public static {@code Map processingConfig(ConsumerRecordRecoverer)} declares. */
    static Optional<String> processingGuarantee(String basePackage) {
        for (Class<?> type : KafkaUsage.classes(basePackage)) {
            for (Method method : type.getDeclaredMethods()) {
                if (isPublicStatic(method)
                        && Map.class.isAssignableFrom(method.getReturnType())
                        && method.getParameterCount() == 1
                        && method.getParameterTypes()[0] == ConsumerRecordRecoverer.class) {
                    ConsumerRecordRecoverer ignore = (record, exception) -> {};
                    Map<?, ?> config = (Map<?, ?>) Objects.requireNonNull(invoke(method, ignore));
                    Object guarantee = config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
                    if (guarantee != null) {
                        return Optional.of(guarantee.toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> sources(TopologyDescription description) {
        Set<String> topics = new TreeSet<>();
        description
                .subtopologies()
                .forEach(sub -> sub.nodes().forEach(node -> {
                    if (node instanceof TopologyDescription.Source source) {
                        topics.addAll(Objects.requireNonNull(source.topicSet(), "pattern sources are not supported"));
                    }
                }));
        description.globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
        return topics;
    }

    private static boolean isPublicStatic(Method method) {
        return Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers());
    }

    private static @Nullable Object invoke(Method method, Object... arguments) {
        try {
            return method.invoke(null, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /** A stand-in argument: well-known types, interfaces as no-op proxies, classes through a public constructor. */
    private static Object instance(Class<?> type) {
        if (type == Clock.class) {
            return Clock.systemUTC();
        }
        if (type == MeterRegistry.class) {
            return new SimpleMeterRegistry();
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null);
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            Object[] arguments = new Object[constructor.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = instance(constructor.getParameterTypes()[i]);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + type.getName() + " for a topology", e);
            }
        }
        throw new IllegalStateException("no public constructor to make a " + type.getName() + " for a topology");
    }
}
