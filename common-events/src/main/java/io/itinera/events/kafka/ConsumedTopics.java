package io.itinera.events.kafka;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The topics a service reads: its listeners' and those of its other readers ({@link ReadTopics}). */
final class ConsumedTopics implements Supplier<Set<String>> {

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final ObjectProvider<ReadTopics> others;

    ConsumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> listeners, ObjectProvider<ReadTopics> others) {
        this.listeners = listeners;
        this.others = others;
    }

    @Override
    public Set<String> get() {
        Set<String> names = new TreeSet<>();
        listeners.stream()
                .flatMap(registry -> registry.getListenerContainers().stream())
                .map(container -> container.getContainerProperties().getTopics())
                .filter(topics -> topics != null)
                .forEach(topics -> names.addAll(Arrays.asList(topics)));
        others.stream().forEach(reader -> names.addAll(reader.names()));
        return names;
    }
}
