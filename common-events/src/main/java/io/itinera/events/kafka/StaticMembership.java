package io.itinera.events.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Static group membership for the listeners (issue 11): each consumer joins its group as {@code <instance id>-<topic>}
 * (the container adds {@code -<n>} per thread), so that a restarted instance (on Kubernetes: the same pod name) gets its
 * partitions back at once, without a rebalance; and it leaves the group when it closes, so that after a graceful stop
 * the other instances take over at once instead of after the session timeout (a static member stays by default).
 */
final class StaticMembership
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final String instanceId;

    StaticMembership(String instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        String[] topics = container.getContainerProperties().getTopics();
        // two listeners of one service share its group, so the instance id names the listener too
        String listener = topics == null || topics.length == 0 ? container.getListenerId() : String.join("+", topics);
        container
                .getContainerProperties()
                .getKafkaConsumerProperties()
                .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + listener);
    }

    /** Makes the factory's consumers leave their group when the container closes them. */
    static <K, V> void leaveOnClose(DefaultKafkaConsumerFactory<K, V> consumers) {
        consumers.addPostProcessor(StaticMembership::leavingOnClose);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> leavingOnClose(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(
                StaticMembership.class.getClassLoader(),
                new Class<?>[] {Consumer.class},
                (proxy, method, arguments) -> {
                    try {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            consumer.close(CloseOptions.groupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                            return null;
                        }
                        return method.invoke(consumer, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
