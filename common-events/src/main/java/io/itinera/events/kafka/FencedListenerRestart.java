package io.itinera.events.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Restarts a listener container whose transactional producer was fenced. A worker's producer is fenced not only by a
 * successor with its transactional id but also when the broker aborts its transaction for having run past
 * {@code transaction.timeout.ms}, as it does for every transaction open across a broker outage longer than that.
 * Spring Kafka then cannot roll the batch back (the producer can no longer abort) and, left running, polls on past the
 * records of the failed transaction: they would not be processed until the next rebalance, their trips stranded until
 * their stage deadline. Stopped instead ({@code stopContainerWhenFenced}) and started again here, the container's
 * consumers rejoin as the same static members, read the committed offsets and process those records with a new
 * producer.
 */
public final class FencedListenerRestart {

    private static final Logger log = LoggerFactory.getLogger(FencedListenerRestart.class);

    private volatile boolean closing;

    /** Makes the container stop, rather than poll on, when its producer is fenced. */
    static void stopWhenFenced(ConcurrentMessageListenerContainer<?, ?> container) {
        container.getContainerProperties().setStopContainerWhenFenced(true);
    }

    @EventListener
    void fenced(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.FENCED || closing) {
            return;
        }
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        log.warn(
                "listener {} stopped: its producer was fenced; restarting it from the committed offsets",
                container.getListenerId());
        // not on the stopping consumer's thread, which publishes this event on its way out
        Thread restarting = new Thread(
                () -> {
                    if (container.isRunning()) {
                        container.stop(() -> restart(container));
                    } else {
                        restart(container);
                    }
                },
                "fenced-restart-" + container.getListenerId());
        restarting.setDaemon(true);
        restarting.start();
    }

    private void restart(MessageListenerContainer container) {
        if (!closing) {
            container.start();
        }
    }

    @EventListener
    void closing(ContextClosedEvent event) {
        closing = true;
    }
}
