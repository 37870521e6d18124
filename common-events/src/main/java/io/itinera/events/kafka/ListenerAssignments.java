package io.itinera.events.kafka;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Which listener consumers have joined their group and received an assignment (possibly empty, when a group has more
 * consumers than partitions), so that readiness waits for it: a replica whose consumers are still joining does no
 * work yet. A consumer whose partitions were lost (its session expired) counts again once it has rejoined.
 */
final class ListenerAssignments implements ConsumerAwareRebalanceListener {

    // weak: the consumers of a stopped container are forgotten with them
    private final Set<Consumer<?, ?>> assigned =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.add(consumer);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.remove(consumer);
    }

    /** Whether every consumer of the running containers has received its assignment. */
    boolean allAssigned(Collection<MessageListenerContainer> containers) {
        int consumers = containers.stream()
                .map(MessageListenerContainer::getAssignmentsByClientId)
                .mapToInt(byClient -> byClient == null ? 0 : byClient.size())
                .sum();
        return consumers > 0 && assigned.size() >= consumers;
    }
}
